namespace VmControl.LocalHost.Hosting;

/// <summary>
/// A local host's periodic work (power sync, the schedule tick): <see cref="Interval"/> of quiet, then one run, and
/// again. The wait starts when a run ends, so runs never overlap and the first never slows start-up; a run reports
/// its own failures, so nothing here stops the loop. An interval rather than the Functions CRON: locally there is one
/// process and no missed-schedule catch-up to reason about.
/// </summary>
public abstract class IntervalService(TimeProvider time) : BackgroundService
{
    /// <summary>The quiet between runs; zero or less turns the service off.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    /// <summary>Says in the log that the service is off.</summary>
    protected abstract void LogOff();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero)
        {
            LogOff();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Interval, time, stoppingToken).ConfigureAwait(false);
                await RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
