using VmControl.Application.Events;

namespace VmControl.Application.Ports;

/// <summary>
/// Where the stores hand the events a write committed, at once and in commit order, so delivery starts without waiting
/// for a scan. It must not block or throw: the write has committed, and the outbox keeps the events if this process
/// dies before they are delivered (recovery finds them again, <see cref="IOutbox"/>).
/// </summary>
public interface IEventSink
{
    void Committed(IReadOnlyList<OutboxEntry> entries);
}
