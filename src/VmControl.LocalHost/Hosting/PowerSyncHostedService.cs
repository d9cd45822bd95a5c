using Microsoft.Extensions.Options;
using VmControl.Application.PowerSync;

namespace VmControl.LocalHost.Hosting;

/// <summary>The local host's power-sync timer: one pass every <see cref="PowerSyncSettings.Interval"/> (<see cref="IntervalService"/>).</summary>
public sealed partial class PowerSyncHostedService(
    IPowerSyncRunner power,
    IOptions<PowerSyncSettings> options,
    TimeProvider time,
    ILogger<PowerSyncHostedService> logger)
    : IntervalService(time)
{
    protected override TimeSpan Interval { get; } = options.Value.Interval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => power.RunPassAsync(cancellationToken);

    protected override void LogOff() => LogDisabled(logger);

    [LoggerMessage(EventId = 700, Level = LogLevel.Information, Message = "Power sync timer is off (PowerSync:Interval is not positive)")]
    private static partial void LogDisabled(ILogger logger);
}
