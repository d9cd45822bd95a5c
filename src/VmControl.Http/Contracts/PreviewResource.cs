namespace VmControl.Http.Contracts;

/// <summary>A schedule's preview: its state at <c>from</c>, then every change up to <c>to</c>.</summary>
public sealed record PreviewResource(string ScheduleId, DateTimeOffset From, DateTimeOffset To, string Initial, IReadOnlyList<PreviewChange> Changes);
