namespace VmControl.Http.Contracts;

/// <summary>The body of <c>POST /api/event-subscriptions</c> (docs/api.md).</summary>
public sealed record SubscriptionBody(string? Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Subjects, string? Secret, int? MaxAttempts);
