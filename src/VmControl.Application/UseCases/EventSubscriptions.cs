using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Events;

namespace VmControl.Application.UseCases;

/// <summary>
/// The admin's webhook subscriptions and dead letters (docs/events.md): create (rules, then the handshake, then
/// stored), list, get, delete, and the dead letters of a subscription or publisher, read and replayed.
/// </summary>
public sealed partial class EventSubscriptions(
    ISubscriptionStore subscriptions,
    IDeadLetterStore deadLetters,
    IWebhookValidator validator,
    IEventDelivery delivery,
    IOptions<DeliverySettings> settings,
    TimeProvider time,
    ILogger<EventSubscriptions> logger)
{
    public async Task<SubscriptionOutcome> CreateAsync(SubscriptionRequest request, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (string.IsNullOrEmpty(request.Url))
        {
            return SubscriptionOutcome.Refused(SubscriptionOutcome.Invalid, "url is required: the absolute http(s) URL events are POSTed to.");
        }

        if (SubscriptionRules.Check(request) is { } problem)
        {
            return SubscriptionOutcome.Refused(SubscriptionOutcome.Invalid, problem);
        }

        if (await validator.ValidateAsync(request.Url, cancellationToken).ConfigureAwait(false) is { } refusal)
        {
            return SubscriptionOutcome.Refused(refusal.Handshake ? SubscriptionOutcome.ValidationFailed : SubscriptionOutcome.Invalid, refusal.Message);
        }

        var subscription = new EventSubscription(
            EventSubscription.NewId(),
            new Uri(request.Url, UriKind.Absolute),
            request.Types is { } types ? [.. types.Distinct(StringComparer.Ordinal)] : null,
            request.Subjects is { } subjects ? [.. subjects.Distinct(StringComparer.Ordinal)] : null,
            request.Secret ?? SubscriptionRules.NewSecret(),
            request.MaxAttempts ?? settings.Value.MaxAttempts,
            time.GetUtcNow(),
            caller.Name);
        await subscriptions.AddAsync(subscription, cancellationToken).ConfigureAwait(false);
        delivery.SubscriptionsChanged();
        LogCreated(logger, subscription.Id, subscription.Url.GetLeftPart(UriPartial.Authority), caller.Name);
        return new SubscriptionOutcome(subscription, null, null);
    }

    public Task<IReadOnlyList<EventSubscription>> ListAsync(CancellationToken cancellationToken) => subscriptions.ListAsync(cancellationToken);

    public async Task<EventSubscription?> GetAsync(string id, CancellationToken cancellationToken) =>
        EventSubscription.IsValidId(id) ? await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    public async Task<bool> DeleteAsync(string id, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!EventSubscription.IsValidId(id) || !await subscriptions.DeleteAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        delivery.SubscriptionsChanged();
        LogDeleted(logger, id, caller.Name);
        return true;
    }

    /// <summary>The dead letters of a subscription or a publisher target, or null when <paramref name="targetId"/> is neither.</summary>
    public async Task<IReadOnlyList<DeadLetter>?> ListDeadLettersAsync(string targetId, CancellationToken cancellationToken) =>
        await IsTargetAsync(targetId, cancellationToken).ConfigureAwait(false)
            ? await deadLetters.ListAsync(targetId, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Queues every dead letter of the target for delivery again; each leaves the list once delivered (one that fails
    /// its budget again stays, with its new count), so nothing is lost if the process stops first. The count replayed,
    /// or null when <paramref name="targetId"/> is no target.
    /// </summary>
    public async Task<int?> ReplayAsync(string targetId, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!await IsTargetAsync(targetId, cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var letters = await deadLetters.ListAsync(targetId, cancellationToken).ConfigureAwait(false);
        if (letters.Count > 0)
        {
            delivery.Replay(targetId, letters);
        }

        LogReplayed(logger, targetId, letters.Count, caller.Name);
        return letters.Count;
    }

    private async Task<bool> IsTargetAsync(string targetId, CancellationToken cancellationToken) =>
        targetId.StartsWith(DeadLetter.PublisherPrefix, StringComparison.Ordinal)
            ? targetId.Length is > 10 and <= 100 && targetId.AsSpan(DeadLetter.PublisherPrefix.Length).ContainsAnyExcept("abcdefghijklmnopqrstuvwxyz0123456789-") is false
            : await GetAsync(targetId, cancellationToken).ConfigureAwait(false) is not null;

    [LoggerMessage(EventId = 910, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} to {Origin} created by {Caller}")]
    private static partial void LogCreated(ILogger logger, string subscriptionId, string origin, string caller);

    [LoggerMessage(EventId = 911, Level = LogLevel.Information, Message = "Subscription {SubscriptionId} deleted by {Caller}")]
    private static partial void LogDeleted(ILogger logger, string subscriptionId, string caller);

    [LoggerMessage(EventId = 912, Level = LogLevel.Information, Message = "{Count} dead letters of {TargetId} replayed by {Caller}")]
    private static partial void LogReplayed(ILogger logger, string targetId, int count, string caller);
}
