using System.Collections.Concurrent;
using VmControl.Application.Events;
using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

/// <summary>A sink that keeps what the stores and recovery hand it, in the order they did, and delivers nothing.</summary>
public sealed class RecordingEventSink : IEventSink
{
    private readonly ConcurrentQueue<OutboxEntry> committed = new();
    private readonly ConcurrentQueue<OutboxEntry> recovered = new();

    public IReadOnlyList<OutboxEntry> CommittedEntries => [.. committed];

    public IReadOnlyList<OutboxEntry> RecoveredEntries => [.. recovered];

    /// <summary>What the sink claims to hold undelivered (recovery keeps its watermark below it).</summary>
    public DateTimeOffset? OldestPending { get; set; }

    public void Committed(IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            committed.Enqueue(entry);
        }
    }

    public void Recovered(IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            recovered.Enqueue(entry);
        }
    }

    /// <summary>The committed events about one subject, in commit order.</summary>
    public IReadOnlyList<VmEvent> Of(string subject) => [.. committed.Select(e => e.Event).Where(e => e.Subject == subject)];
}
