namespace VmControl.Application.UseCases;

/// <summary>The created subscription, or the code and message of why it was refused (<c>invalid_subscription</c>, <c>webhook_validation_failed</c>).</summary>
public sealed record SubscriptionOutcome(EventSubscription? Created, string? Code, string? Message)
{
    public const string Invalid = "invalid_subscription";
    public const string ValidationFailed = "webhook_validation_failed";

    public static SubscriptionOutcome Refused(string code, string message) => new(null, code, message);
}
