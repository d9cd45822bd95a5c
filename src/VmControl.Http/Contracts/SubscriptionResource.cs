namespace VmControl.Http.Contracts;

/// <summary>A webhook subscription as listed and read: never its secret.</summary>
public sealed record SubscriptionResource(
    string Id, string Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Subjects, int MaxAttempts, DateTimeOffset CreatedAt, string CreatedBy)
{
    public static SubscriptionResource From(EventSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url.OriginalString, s.Types, s.Subjects, s.MaxAttempts, s.CreatedAt, s.CreatedBy);
    }
}
