namespace VmControl.Application.Events;

/// <summary>
/// An event as it waits in the outbox: in <see cref="Table"/>'s partition <see cref="Partition"/> (the VM's, or the
/// alert's), written in the same transaction as the change that caused it. Its row is the event's id.
/// </summary>
public sealed record OutboxEntry(OutboxTable Table, string Partition, VmEvent Event);
