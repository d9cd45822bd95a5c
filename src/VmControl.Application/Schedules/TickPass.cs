using Microsoft.Extensions.Logging;

namespace VmControl.Application.Schedules;

/// <summary>One tick over a <see cref="ScheduleSnapshot"/>: the VMs a page at a time, each decided in memory.</summary>
internal sealed partial class TickPass(TickPorts ports, ScheduleSettings settings, DateTimeOffset now, ILogger logger)
{
    /// <summary>The idempotency scope of the boundaries' keys.</summary>
    public const string KeyScope = "schedule";

    private readonly HashSet<string> deviating = new(StringComparer.Ordinal);
    private readonly List<TickSkip> skipped = [];
    private int schedules;
    private int vmsSeen;
    private int scheduled;
    private int reached;
    private int issued;
    private int deferred;
    private int deviations;
    private int skippedCount;
    private int reads;

    public async Task RunAsync(ScheduleSnapshot snapshot, CancellationToken cancellationToken)
    {
        schedules = snapshot.Schedules.Count;
        reads += snapshot.Reads;
        if (snapshot.Schedules.Count == 0)
        {
            return;
        }

        await ReadDeviationsAsync(cancellationToken).ConfigureAwait(false);
        // Every VM, unfiltered: a tombstone claims no schedule (Schedule.Claims), and a filter only adds work to the
        // table service's scan of each page.
        string? token = null;
        do
        {
            var page = await ports.Vms.ListAsync(new VmQuery(Limit: settings.PageSize, ContinuationToken: token), cancellationToken)
                .ConfigureAwait(false);
            reads++;
            foreach (var vm in page.Items)
            {
                vmsSeen++;
                await DecideAsync(snapshot, vm, cancellationToken).ConfigureAwait(false);
            }

            token = page.ContinuationToken;
        }
        while (token is not null);

        // A VM that left every schedule (or was deleted) has nothing left to deviate from.
        foreach (var vmId in deviating)
        {
            await ResolveDeviationAsync(vmId, cancellationToken).ConfigureAwait(false);
        }
    }

    public TickSummary Summary(long durationMs, string? error) => new(
        now, durationMs, schedules, vmsSeen, scheduled, reached, issued, deferred, deviations, skippedCount, skipped, reads, error is not null, error);

    private async Task ReadDeviationsAsync(CancellationToken cancellationToken)
    {
        foreach (var status in new[] { AlertStatus.Open, AlertStatus.Acknowledged })
        {
            string? token = null;
            do
            {
                var page = await ports.Alerts.ListAsync(new AlertQuery(status, Kind: AlertKind.ScheduleDeviation, Limit: 1000, ContinuationToken: token), cancellationToken)
                    .ConfigureAwait(false);
                reads++;
                deviating.UnionWith(page.Items.Select(a => a.VmId));
                token = page.ContinuationToken;
            }
            while (token is not null);
        }
    }

    private void Skip(VmRecord vm, Schedule schedule, string reason)
    {
        skippedCount++;
        if (skipped.Count < settings.SkipsListed)
        {
            skipped.Add(new TickSkip(vm.Id, schedule.Id, reason));
        }

        LogSkipped(logger, vm.Id, schedule.Id, reason);
    }
}
