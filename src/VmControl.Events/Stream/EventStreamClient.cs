using System.Threading.Channels;

namespace VmControl.Events.Stream;

/// <summary>
/// One connected stream: the events waiting to be written, in the order the hub was told of them. Disposing it leaves
/// the hub. When the client falls <see cref="EventStreamSettings.BufferSize"/> events behind, the hub drops it: its
/// reader completes and <see cref="Dropped"/> is true.
/// </summary>
public sealed class EventStreamClient : IDisposable
{
    private readonly Channel<StreamedEvent> channel;

    private readonly Action<EventStreamClient> leave;

    internal EventStreamClient(long id, EventStreamFilter filter, int capacity, Action<EventStreamClient> leave)
    {
        Id = id;
        Filter = filter;
        this.leave = leave;

        // DropWrite is never reached: the hub uses TryWrite and drops the client itself when the buffer is full, so an
        // event is never silently skipped in the middle of a stream.
        channel = Channel.CreateBounded<StreamedEvent>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            SingleWriter = false,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public long Id { get; }

    public EventStreamFilter Filter { get; }

    public ChannelReader<StreamedEvent> Events => channel.Reader;

    /// <summary>Whether the hub dropped this client for being too slow (its stream should end; the client reconnects).</summary>
    public bool Dropped { get; private set; }

    public void Dispose()
    {
        leave(this);
        channel.Writer.TryComplete();
    }

    /// <summary>Queues the event; false when the buffer is full (the hub then drops this client).</summary>
    internal bool Offer(StreamedEvent e) => channel.Writer.TryWrite(e);

    internal void Drop()
    {
        Dropped = true;
        channel.Writer.TryComplete();
    }
}
