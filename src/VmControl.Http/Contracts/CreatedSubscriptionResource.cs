namespace VmControl.Http.Contracts;

/// <summary>The answer that creates a subscription: the only one that shows its secret.</summary>
public sealed record CreatedSubscriptionResource(
    string Id, string Url, IReadOnlyList<string>? Types, IReadOnlyList<string>? Subjects, int MaxAttempts, DateTimeOffset CreatedAt, string CreatedBy, string Secret)
{
    public static CreatedSubscriptionResource From(EventSubscription s)
    {
        ArgumentNullException.ThrowIfNull(s);
        return new(s.Id, s.Url.OriginalString, s.Types, s.Subjects, s.MaxAttempts, s.CreatedAt, s.CreatedBy, s.Secret);
    }
}
