namespace VmControl.Application.UseCases;

/// <summary>A new webhook subscription as the API received it, unchecked.</summary>
public sealed record SubscriptionRequest(string? Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Subjects, string? Secret, int? MaxAttempts);
