namespace VmControl.Application.Ports;

/// <summary>What the subscription use cases tell this process's delivery.</summary>
public interface IEventDelivery
{
    /// <summary>A subscription was added or removed through this process: reload them now rather than at the next refresh.</summary>
    void SubscriptionsChanged();

    /// <summary>Queues dead letters of one target for delivery to that target again (same event ids).</summary>
    void Replay(string targetId, IReadOnlyList<DeadLetter> letters);
}
