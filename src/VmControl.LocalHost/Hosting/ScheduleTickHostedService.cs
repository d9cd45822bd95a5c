using Microsoft.Extensions.Options;
using VmControl.Application.Schedules;

namespace VmControl.LocalHost.Hosting;

/// <summary>
/// The local host's schedule tick every <see cref="ScheduleSettings.Interval"/> (<see cref="IntervalService"/>). A tick
/// compares states, so a late one simply catches up.
/// </summary>
public sealed partial class ScheduleTickHostedService(
    ScheduleTick tick,
    IOptions<ScheduleSettings> options,
    TimeProvider time,
    ILogger<ScheduleTickHostedService> logger)
    : IntervalService(time)
{
    protected override TimeSpan Interval { get; } = options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => tick.RunAsync(cancellationToken);

    protected override void LogOff() => LogDisabled(logger);

    [LoggerMessage(EventId = 701, Level = LogLevel.Information, Message = "Schedule tick is off (Schedules:Interval is not positive)")]
    private static partial void LogDisabled(ILogger logger);
}
