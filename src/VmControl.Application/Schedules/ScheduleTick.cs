using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;
using VmControl.Application.UseCases;

namespace VmControl.Application.Schedules;

/// <summary>
/// The schedule tick (docs/schedules.md): every schedule, calendar and override read once, every VM read a page at a
/// time, and an ordinary action submitted for each scheduled VM that differs from its desired state. One tick at a time
/// per process; ticks of two processes may overlap safely, because each VM's task lock admits one action and the
/// boundary's idempotency key admits one issue.
/// </summary>
public sealed partial class ScheduleTick(
    IVmStore vms,
    IScheduleStore schedules,
    IAlertStore alerts,
    IActionLog actions,
    IIdempotencyStore idempotency,
    RequestAction requestAction,
    AutomatedStarts budget,
    IOptions<ScheduleSettings> options,
    TimeProvider time,
    ILogger<ScheduleTick> logger) : IDisposable
{
    private readonly SemaphoreSlim oneAtATime = new(1, 1);
    private readonly ScheduleSettings settings = options.Value;

    public async Task<TickSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        await oneAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var startedAt = time.GetUtcNow();
            var clock = Stopwatch.StartNew();
            var pass = new TickPass(new TickPorts(vms, alerts, actions, idempotency, requestAction, budget), settings, startedAt, logger);
            string? error = null;
            try
            {
                var snapshot = await ScheduleSnapshot.LoadAsync(schedules, startedAt, cancellationToken).ConfigureAwait(false);
                await pass.RunAsync(snapshot, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A store outage ends the tick; the next one compares states again, so nothing is lost but time.
                error = $"{ex.GetType().Name}: {ex.Message}";
                LogFailed(logger, error);
            }

            var summary = pass.Summary(clock.ElapsedMilliseconds, error);
            LogSummary(logger, summary.Schedules, summary.VmsSeen, summary.Scheduled, summary.Issued, summary.Deferred, summary.Deviations, summary.SkippedCount, summary.TableReads, summary.DurationMs);
            return summary;
        }
        finally
        {
            oneAtATime.Release();
        }
    }

    public void Dispose() => oneAtATime.Dispose();

    [LoggerMessage(EventId = 1900, Level = LogLevel.Information,
        Message = "Schedule tick: {Schedules} schedules, {VmsSeen} VMs, {Scheduled} scheduled, {Issued} issued, {Deferred} deferred, {Deviations} deviating, {Skipped} skipped, {TableReads} reads in {DurationMs} ms")]
    private static partial void LogSummary(ILogger logger, int schedules, int vmsSeen, int scheduled, int issued, int deferred, int deviations, int skipped, int tableReads, long durationMs);

    [LoggerMessage(EventId = 1901, Level = LogLevel.Error, Message = "Schedule tick failed: {Error}")]
    private static partial void LogFailed(ILogger logger, string error);
}
