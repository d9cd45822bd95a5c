namespace VmControl.Events.Delivery;

/// <summary>
/// The queue of one target: a FIFO per subject, each drained by its own worker, so a VM's events reach the target in
/// order while other VMs' events (and other targets) never wait for them; <see cref="Concurrency"/> bounds the requests
/// in flight to the target.
/// </summary>
internal sealed class TargetLane(DeliveryTarget target, int concurrency)
{
    private readonly Dictionary<string, Queue<Delivery>> queues = new(StringComparer.Ordinal);

    public DeliveryTarget Target { get; } = target;

    public SemaphoreSlim Concurrency { get; } = new(concurrency, concurrency);

    /// <summary>Adds a delivery; true when its subject had no queue, so a worker must be started for it.</summary>
    public bool Enqueue(Delivery delivery)
    {
        lock (queues)
        {
            if (queues.TryGetValue(delivery.Event.Subject, out var queue))
            {
                queue.Enqueue(delivery);
                return false;
            }

            queues[delivery.Event.Subject] = new Queue<Delivery>([delivery]);
            return true;
        }
    }

    /// <summary>The subject's next delivery, or null (and the subject's queue gone) when it has none.</summary>
    public Delivery? Next(string subject)
    {
        lock (queues)
        {
            if (queues.TryGetValue(subject, out var queue) && queue.Count > 0)
            {
                return queue.Peek();
            }

            queues.Remove(subject);
            return null;
        }
    }

    public void Finished(string subject)
    {
        lock (queues)
        {
            queues[subject].Dequeue();
        }
    }
}
