namespace VmControl.Application.Events;

/// <summary>The sink of a host that delivers nothing itself (tools, tests of the stores): events wait in the outbox.</summary>
public sealed class NullEventSink : IEventSink
{
    public static NullEventSink Instance { get; } = new();

    public DateTimeOffset? OldestPending => null;

    public void Committed(IReadOnlyList<OutboxEntry> entries)
    {
    }

    public void Recovered(IReadOnlyList<OutboxEntry> entries)
    {
    }
}
