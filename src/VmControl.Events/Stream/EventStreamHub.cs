using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VmControl.Events.Stream;

/// <summary>
/// The in-process fan-out behind <c>GET /api/events/stream</c>: delivery tells it of each event
/// (<see cref="IEventObserver.Published"/>) and it queues the event for every connected client whose filter matches.
/// It never waits: each client has a bounded buffer, and a client whose buffer is full is dropped (its stream ends and
/// it reconnects), so one slow reader never holds up delivery or the other readers. Live only: a client gets what is
/// published while it is connected, nothing from before.
/// </summary>
public sealed partial class EventStreamHub(IOptions<EventStreamSettings> settings, IOptions<EventSettings> events, ILogger<EventStreamHub> logger)
    : IEventObserver
{
    private readonly object gate = new();

    private ImmutableArray<EventStreamClient> clients = [];

    private long nextId;

    /// <summary>How many clients are connected now.</summary>
    public int Count => clients.Length;

    /// <summary>Connects a client; dispose the result to leave.</summary>
    public EventStreamClient Connect(EventStreamFilter filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var capacity = Math.Max(1, settings.Value.BufferSize);
        var client = new EventStreamClient(Interlocked.Increment(ref nextId), filter, capacity, Leave);
        lock (gate)
        {
            clients = clients.Add(client);
        }

        LogConnected(logger, client.Id, filter.Project ?? "*", clients.Length);
        return client;
    }

    public void Published(VmEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // Called on delivery's path: it must neither throw nor wait, whatever a client does.
        try
        {
            StreamedEvent? streamed = null;
            foreach (var client in clients)
            {
                if (!client.Filter.Matches(e))
                {
                    continue;
                }

                streamed ??= new StreamedEvent(e, CloudEventJson.Serialize(e, events.Value.ResolvedSource));
                if (!client.Offer(streamed))
                {
                    Leave(client);
                    client.Drop();
                    LogDropped(logger, client.Id, e.Subject, e.Id, settings.Value.BufferSize);
                }
            }
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, e.Subject, e.Id);
        }
    }

    private void Leave(EventStreamClient client)
    {
        lock (gate)
        {
            clients = clients.Remove(client);
        }
    }

    [LoggerMessage(EventId = 1751, Level = LogLevel.Debug, Message = "Event stream client {ClientId} connected (project {Project}); {Count} connected")]
    private static partial void LogConnected(ILogger logger, long clientId, string project, int count);

    [LoggerMessage(EventId = 1752, Level = LogLevel.Warning, Message = "Event stream client {ClientId} dropped: it fell {BufferSize} events behind (at event {EventId} of {Subject})")]
    private static partial void LogDropped(ILogger logger, long clientId, string subject, string eventId, int bufferSize);

    [LoggerMessage(EventId = 1753, Level = LogLevel.Error, Message = "The event stream could not take event {EventId} of {Subject}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string subject, string eventId);
}
