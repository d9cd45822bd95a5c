using Microsoft.Extensions.Options;
using VmControl.Application.Schedules;

namespace VmControl.LocalHost.Hosting;

/// <summary>
/// The local host's schedule tick: <see cref="ScheduleSettings.Interval"/> of quiet, then one tick, and again (the wait
/// starts when a tick ends, so ticks never overlap). A tick compares states, so a late one simply catches up.
/// </summary>
public sealed partial class ScheduleTickHostedService(
    ScheduleTick tick,
    IOptions<ScheduleSettings> options,
    TimeProvider time,
    ILogger<ScheduleTickHostedService> logger)
    : BackgroundService
{
    private readonly ScheduleSettings settings = options.Value;

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

                // The tick reports its own failures in its summary (and log); nothing here can stop the loop.
                await tick.RunAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Schedule tick is off (Schedules:Interval is not positive)")]
    private static partial void LogDisabled(ILogger logger);
}
