namespace VmControl.Http.Contracts;

/// <summary>A whole listing (schedules, calendars, overrides are few, so none is paged).</summary>
public sealed record ItemsResource<T>(IReadOnlyList<T> Items);
