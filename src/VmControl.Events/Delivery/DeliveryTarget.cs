namespace VmControl.Events.Delivery;

/// <summary>Where delivery sends events: a webhook subscription or a configured publisher, each with its retry budget.</summary>
internal abstract class DeliveryTarget(string id, int maxAttempts)
{
    public string Id { get; } = id;

    public int MaxAttempts { get; } = maxAttempts;

    /// <summary>Set when the subscription is deleted: what is queued for it is dropped (and counts as done).</summary>
    public bool Removed { get; set; }

    public abstract bool Matches(VmEvent e);

    /// <summary>One attempt; throws unless the target took the event.</summary>
    public abstract Task SendAsync(VmEvent e, CancellationToken cancellationToken);
}
