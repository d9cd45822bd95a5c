using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;
using VmControl.Application.Events;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;

namespace VmControl.Application.PowerSync;

/// <summary>
/// Power sync and reconciliation (docs/lifecycle.md §3, docs/power-sync.md). One pass at a time per process: a second
/// caller waits for the running pass to end and then runs its own, so its summary always describes a pass that began
/// after it asked. Across processes, passes may overlap safely: every write is a compare-and-swap and an alert's
/// "active" row admits one alert per VM and kind.
/// </summary>
public sealed partial class PowerSyncService(
    IVmStore vms,
    IAlertStore alerts,
    IHypervisorDriver driver,
    ITaskLauncher launcher,
    RequestAction requestAction,
    DeleteVm deleteVm,
    ResumeLostTask resumeLostTask,
    EventRecovery recovery,
    AutomatedStarts automatedStarts,
    IOptions<PowerSyncSettings> options,
    TimeProvider time,
    ILogger<PowerSyncService> logger) : IPowerSyncRunner, IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly PowerSyncSettings settings = options.Value;

    public async Task<PowerSyncSummary> RunPassAsync(CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var summary = await RunOnceAsync(cancellationToken).ConfigureAwait(false);
            PowerSyncMetrics.Record(summary);
            if (summary.Failed)
            {
                LogFailed(logger, summary.Error, summary.VmsSeen, summary.MachinesSeen, summary.Changed, summary.DurationMs);
            }
            else
            {
                LogSummary(
                    logger, summary.VmsSeen, summary.MachinesSeen, summary.Changed, summary.DriverReads, summary.AlertsOpened,
                    summary.AlertsBumped, summary.AlertsResolved, summary.HealsStarted, summary.Reclaimed, summary.DurationMs);
            }

            return summary;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    private async Task<PowerSyncSummary> RunOnceAsync(CancellationToken cancellationToken)
    {
        var startedAt = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        var round = await recovery.BeginAsync(startedAt, cancellationToken).ConfigureAwait(false);
        var pass = new PowerSyncPass(vms, alerts, driver, launcher, new PassCommands(requestAction, deleteVm, resumeLostTask, automatedStarts), settings, startedAt, logger)
        {
            OnListed = round is null ? null : round.Observe,
        };
        string? error = null;
        try
        {
            await pass.RunAsync(cancellationToken).ConfigureAwait(false);
            if (round is not null)
            {
                round.Observe(pass.AlertedVmIds);
                await recovery.FinishAsync(round, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // An outage (driver or store) ends the pass; a driver outage is met before anything is written, and the
            // next pass starts from the records and the hypervisor as they are then.
            error = $"{ex.GetType().Name}: {ex.Message}";
        }

        return new PowerSyncSummary(
            startedAt,
            clock.ElapsedMilliseconds,
            pass.VmsSeen,
            pass.MachinesSeen,
            pass.Changed,
            pass.Writes,
            pass.DriverReads,
            pass.Conflicts,
            pass.AlertsOpened,
            pass.AlertsBumped,
            pass.AlertsResolved,
            pass.HealsStarted,
            pass.Reclaimed,
            Failed: error is not null,
            error,
            pass.TasksResumed,
            pass.Deferred);
    }

    [LoggerMessage(EventId = 200, Level = LogLevel.Information,
        Message = "Power sync: {VmsSeen} VMs, {MachinesSeen} machines, {Changed} changed, {DriverReads} driver reads, alerts {AlertsOpened} opened / {AlertsBumped} bumped / {AlertsResolved} resolved, {HealsStarted} heals, {Reclaimed} reclaimed in {DurationMs} ms")]
    private static partial void LogSummary(
        ILogger logger, int vmsSeen, int machinesSeen, int changed, int driverReads, int alertsOpened, int alertsBumped, int alertsResolved,
        int healsStarted, int reclaimed, long durationMs);

    [LoggerMessage(EventId = 208, Level = LogLevel.Error,
        Message = "Power sync pass failed: {Error} ({VmsSeen} VMs, {MachinesSeen} machines seen, {Changed} changed before it stopped, {DurationMs} ms)")]
    private static partial void LogFailed(ILogger logger, string? error, int vmsSeen, int machinesSeen, int changed, long durationMs);
}
