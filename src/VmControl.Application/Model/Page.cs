namespace VmControl.Application.Model;

/// <summary>One page of a listing; <see cref="ContinuationToken"/> is opaque and null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken);
