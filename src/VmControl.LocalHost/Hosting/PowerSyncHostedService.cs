using Microsoft.Extensions.Options;
using VmControl.Application.PowerSync;

namespace VmControl.LocalHost.Hosting;

/// <summary>
/// The local host's power-sync timer: <see cref="PowerSyncSettings.Interval"/> of quiet, then one pass, and again
/// (the first pass waits one interval, so start-up is not slowed by it).
/// An interval rather than the Functions CRON: locally there is one process, no missed-schedule catch-up to reason
/// about, and a pass never overlaps the next one because the wait starts when a pass ends.
/// </summary>
public sealed partial class PowerSyncHostedService(
    IPowerSyncRunner power,
    IOptions<PowerSyncSettings> options,
    TimeProvider time,
    ILogger<PowerSyncHostedService> logger)
    : BackgroundService
{
    private readonly PowerSyncSettings settings = options.Value;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (settings.Interval <= TimeSpan.Zero)
        {
            LogDisabled(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(settings.Interval, time, stoppingToken).ConfigureAwait(false);

                // The pass reports its own failures in its summary (and log); nothing here can stop the loop.
                await power.RunPassAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Power sync timer is off (PowerSync:Interval is not positive)")]
    private static partial void LogDisabled(ILogger logger);
}
