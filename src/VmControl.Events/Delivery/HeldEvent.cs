namespace VmControl.Events.Delivery;

/// <summary>An outbox event this process delivers: settled (its row removed) once every matching target is done with it.</summary>
internal sealed class HeldEvent(OutboxEntry entry)
{
    private int outstanding;

    public OutboxEntry Entry { get; } = entry;

    public void Expect(int targets) => outstanding = targets;

    /// <summary>One target is done; true when it was the last.</summary>
    public bool Done() => Interlocked.Decrement(ref outstanding) == 0;
}
