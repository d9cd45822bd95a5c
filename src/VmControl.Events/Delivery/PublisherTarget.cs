namespace VmControl.Events.Delivery;

/// <summary>A publisher (Event Grid) takes every event; its dead letters are under <c>publisher:</c> and its name.</summary>
internal sealed class PublisherTarget(IEventPublisher publisher, int maxAttempts) : DeliveryTarget(DeadLetter.PublisherTarget(publisher.Name), maxAttempts)
{
    public override bool Matches(VmEvent e) => true;

    public override Task SendAsync(VmEvent e, CancellationToken cancellationToken) => publisher.PublishAsync([e], cancellationToken);
}
