using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;

namespace VmControl.Hosting;

/// <summary>
/// Runs a power-sync pass as soon as the driver reports a power change (<see cref="IPowerChangeFeed"/>), so an
/// out-of-band crash or destroy reaches <c>powerState</c> within a second instead of at the next timer pass. Changes
/// arriving while a pass runs coalesce into one more pass.
/// </summary>
public sealed partial class PowerChangePump(IPowerChangeFeed feed, IServiceProvider services, ILogger<PowerChangePump> logger) : BackgroundService
{
    // A stop or a crash raises two or three events within milliseconds; one pass after them reads them all.
    private static readonly TimeSpan Gather = TimeSpan.FromMilliseconds(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = services.GetService<IPowerSyncRunner>();
        if (runner is null)
        {
            LogNoRunner(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await feed.WaitForChangeAsync(stoppingToken).ConfigureAwait(false);
                await Task.Delay(Gather, stoppingToken).ConfigureAwait(false);

                // The pass logs and reports its own failures; nothing here may stop the loop.
                var summary = await runner.RunPassAsync(stoppingToken).ConfigureAwait(false);
                LogPass(logger, summary.Changed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Power change events are ignored: this host runs no power sync")]
    private static partial void LogNoRunner(ILogger logger);

    [LoggerMessage(EventId = 721, Level = LogLevel.Debug, Message = "Power change event: a power-sync pass changed {Changed} VMs")]
    private static partial void LogPass(ILogger logger, int changed);
}
