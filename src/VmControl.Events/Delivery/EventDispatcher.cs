using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Events.Webhooks;

namespace VmControl.Events.Delivery;

/// <summary>
/// Delivers the events the stores commit (and recovery finds) to every matching target (docs/events.md): the webhook
/// subscriptions and the configured publishers, at least once, in order per subject per target, with retries, a retry
/// budget, dead letters, and the outbox row settled once every target is done. Committed and Recovered only record
/// and signal: everything else runs on this service's own tasks, so a request never waits for delivery.
/// </summary>
public sealed partial class EventDispatcher : IEventSink, IEventDelivery, IHostedService, IDisposable
{
    private readonly Channel<IntakeItem> intake = Channel.CreateUnbounded<IntakeItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Channel<HeldEvent> settled = Channel.CreateUnbounded<HeldEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<string, HeldEvent> held = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<Task, byte> workers = new();
    private readonly CancellationTokenSource stopping = new();
    private readonly ISubscriptionStore subscriptions;
    private readonly IDeadLetterStore deadLetters;
    private readonly IOutbox outbox;
    private readonly IReadOnlyList<IEventObserver> observers;
    private readonly WebhookSender sender;
    private readonly TimeProvider time;
    private readonly ILogger<EventDispatcher> logger;
    private readonly DeliverySettings settings;
    private readonly Dictionary<string, TargetLane> lanes = new(StringComparer.Ordinal);
    private readonly List<TargetLane> publisherLanes;
    private Task? intakeLoop;
    private Task? settleLoop;
    private int subscriptionsWanted = 1;
    private int subscriptionsLoaded;
    private DateTimeOffset lastLoad = DateTimeOffset.MinValue;
    private bool lastLoadFailed;
    private readonly TimeSpan recoverAfter;
    private DroppedEvents dropped;

    public EventDispatcher(
        ISubscriptionStore subscriptions,
        IDeadLetterStore deadLetters,
        IOutbox outbox,
        IEnumerable<IEventPublisher> publishers,
        IEnumerable<IEventObserver> observers,
        WebhookSender sender,
        IOptions<DeliverySettings> settings,
        IOptions<EventSettings> events,
        TimeProvider time,
        ILogger<EventDispatcher> logger)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(events);
        recoverAfter = events.Value.RecoverAfter;
        this.subscriptions = subscriptions;
        this.deadLetters = deadLetters;
        this.outbox = outbox;
        this.observers = [.. observers];
        this.sender = sender;
        this.time = time;
        this.logger = logger;
        this.settings = settings.Value;
        publisherLanes = [.. publishers.Select(p => new TargetLane(new PublisherTarget(p, this.settings.MaxAttempts), this.settings.ConcurrencyPerTarget))];
    }

    public DateTimeOffset? OldestPending
    {
        get
        {
            lock (held)
            {
                var oldest = dropped.Read(time.GetUtcNow(), recoverAfter);
                foreach (var h in held.Values)
                {
                    oldest = oldest is { } o && o <= h.Entry.Event.Time ? o : h.Entry.Event.Time;
                }

                return oldest;
            }
        }
    }

    /// <summary>Events this process holds and has not settled (tests and the bench watch it drain).</summary>
    public int HeldCount
    {
        get
        {
            lock (held)
            {
                return held.Count;
            }
        }
    }

    public void Committed(IReadOnlyList<OutboxEntry> entries) => Take(entries);

    public void Recovered(IReadOnlyList<OutboxEntry> entries) => Take(entries);

    public void SubscriptionsChanged() => Interlocked.Increment(ref subscriptionsWanted);

    public void Replay(string targetId, IReadOnlyList<DeadLetter> letters)
    {
        ArgumentNullException.ThrowIfNull(letters);
        foreach (var letter in letters)
        {
            intake.Writer.TryWrite(new IntakeItem(null, letter));
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        intakeLoop = Task.Run(() => IntakeLoopAsync(stopping.Token), CancellationToken.None);
        settleLoop = Task.Run(() => SettleLoopAsync(stopping.Token), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        Task[] running = [.. workers.Keys, intakeLoop ?? Task.CompletedTask, settleLoop ?? Task.CompletedTask];
        await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        // What finished delivery but is not settled yet gets one last try; whatever stays unsettled is delivered again
        // by recovery after a restart (at least once).
        await ((Task)SettleOnceAsync(Drain(), cancellationToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => stopping.Dispose();

    /// <summary>Records new events (skipping those already held) and signals the intake loop; never blocks, never throws.</summary>
    private void Take(IReadOnlyList<OutboxEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        lock (held)
        {
            foreach (var entry in entries)
            {
                if (held.ContainsKey(entry.Event.Id))
                {
                    continue;
                }

                if (held.Count >= settings.MaxHeldEvents)
                {
                    if (dropped.Add(entry.Event.Time))
                    {
                        LogFull(logger, settings.MaxHeldEvents, entry.Event.Subject, entry.Event.Id);
                    }

                    continue;
                }

                var h = new HeldEvent(entry);
                held[entry.Event.Id] = h;
                intake.Writer.TryWrite(new IntakeItem(h, null));
            }
        }
    }

    private List<HeldEvent> Drain()
    {
        var list = new List<HeldEvent>();
        while (settled.Reader.TryRead(out var h))
        {
            list.Add(h);
        }

        return list;
    }

    private void Track(Task task)
    {
        workers.TryAdd(task, 0);
        _ = task.ContinueWith(t => workers.TryRemove(t, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}
