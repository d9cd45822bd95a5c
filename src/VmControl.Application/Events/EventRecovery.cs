using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VmControl.Application.Events;

/// <summary>
/// Finds events a dead process left in the outbox (docs/events.md, recovery). It rides on the power-sync pass: the pass
/// reads every VM record anyway, and only the partitions of VMs written to since the watermark are read here, three
/// point-range queries each, so the cost follows the VMs that changed, not the size of the tables. An event is taken
/// only once it is older than <see cref="EventSettings.RecoverAfter"/>, so the process that wrote it has had its chance.
/// </summary>
public sealed partial class EventRecovery(IOutbox outbox, IEventSink sink, IOptions<EventSettings> options, ILogger<EventRecovery> logger)
{
    private static readonly OutboxTable[] Tables = [OutboxTable.Vms, OutboxTable.Actions, OutboxTable.Alerts];
    private readonly EventSettings settings = options.Value;

    /// <summary>A round for a pass starting at <paramref name="now"/>, or null with events off (or the watermark unreadable).</summary>
    public async Task<RecoveryRound?> BeginAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!settings.Enabled)
        {
            return null;
        }

        try
        {
            var watermark = await outbox.ReadWatermarkAsync(cancellationToken).ConfigureAwait(false);
            return new RecoveryRound(now, watermark is { } mark ? mark - settings.RecoverySlack : DateTimeOffset.MinValue);
        }
        catch (StoreUnavailableException ex)
        {
            LogFailed(logger, ex);
            return null;
        }
    }

    /// <summary>Reads the candidates' outbox partitions, hands what waited too long to the sink, and moves the watermark.</summary>
    public async Task<int> FinishAsync(RecoveryRound round, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        var takeBefore = round.StartedAt - settings.RecoverAfter;
        var oldest = round.StartedAt;
        var recovered = 0;
        try
        {
            foreach (var vmId in round.Candidates)
            {
                var waiting = new List<OutboxEntry>();
                foreach (var table in Tables)
                {
                    waiting.AddRange(await outbox.ReadPendingAsync(table, vmId, cancellationToken).ConfigureAwait(false));
                }

                var stale = waiting.Where(e => e.Event.Time <= takeBefore).OrderBy(e => e.Event.Id, StringComparer.Ordinal).ToList();
                if (stale.Count > 0)
                {
                    sink.Recovered(stale);
                    recovered += stale.Count;
                    LogRecovered(logger, vmId, stale.Count);
                }

                // A young event may still be in its writer's hands: the watermark stays below it so a later round looks again.
                foreach (var e in waiting.Where(e => e.Event.Time > takeBefore))
                {
                    oldest = Min(oldest, e.Event.Time);
                }
            }

            // Fleet operations keep their events in one partition: one more read per round, whatever the fleet.
            var fleet = await outbox.ReadPendingAsync(OutboxTable.Fleet, FleetEvents.OutboxPartition, cancellationToken).ConfigureAwait(false);
            var staleFleet = fleet.Where(e => e.Event.Time <= takeBefore).OrderBy(e => e.Event.Id, StringComparer.Ordinal).ToList();
            if (staleFleet.Count > 0)
            {
                sink.Recovered(staleFleet);
                recovered += staleFleet.Count;
                LogRecovered(logger, FleetEvents.OutboxPartition, staleFleet.Count);
            }

            foreach (var e in fleet.Where(e => e.Event.Time > takeBefore))
            {
                oldest = Min(oldest, e.Event.Time);
            }

            if (sink.OldestPending is { } held)
            {
                oldest = Min(oldest, held);
            }

            await outbox.WriteWatermarkAsync(oldest, cancellationToken).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            // The watermark did not move: the next round looks at the same VMs and more.
            LogFailed(logger, ex);
        }

        return recovered;
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    [LoggerMessage(EventId = 600, Level = LogLevel.Information, Message = "Event recovery: {Count} events of VM {VmId} found waiting in the outbox, handed to delivery")]
    private static partial void LogRecovered(ILogger logger, string vmId, int count);

    [LoggerMessage(EventId = 601, Level = LogLevel.Warning, Message = "Event recovery could not read the outbox; it tries again at the next pass")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
