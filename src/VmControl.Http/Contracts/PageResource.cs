namespace VmControl.Http.Contracts;

/// <summary>A page of a listing: <c>{ items, continuationToken }</c>, the token null on the last page.</summary>
public sealed record PageResource<T>(IReadOnlyList<T> Items, string? ContinuationToken);
