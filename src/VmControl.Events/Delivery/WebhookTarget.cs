using VmControl.Events.Webhooks;

namespace VmControl.Events.Delivery;

internal sealed class WebhookTarget(EventSubscription subscription, WebhookSender sender) : DeliveryTarget(subscription.Id, subscription.MaxAttempts)
{
    public EventSubscription Subscription { get; } = subscription;

    public override bool Matches(VmEvent e) => Subscription.Matches(e);

    public override Task SendAsync(VmEvent e, CancellationToken cancellationToken) => sender.SendAsync(Subscription, e, cancellationToken);
}
