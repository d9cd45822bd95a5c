using VmControl.Application.Events;

namespace VmControl.Application.Ports;

/// <summary>
/// Where events go to be delivered. The stores hand over what a write committed, at once and in commit order, so
/// delivery starts without waiting for a scan; recovery hands over what it found waiting in the outbox. Neither call may
/// block or throw: the outbox keeps every event until delivery settles it (<see cref="IOutbox.SettleAsync"/>).
/// </summary>
public interface IEventSink
{
    /// <summary>Events a write of this process just committed.</summary>
    void Committed(IReadOnlyList<OutboxEntry> entries);

    /// <summary>Events recovery found in the outbox, oldest first; the sink skips any it holds already.</summary>
    void Recovered(IReadOnlyList<OutboxEntry> entries);

    /// <summary>The time of the oldest event this process holds and has not settled, or null when it holds none.</summary>
    DateTimeOffset? OldestPending { get; }
}
