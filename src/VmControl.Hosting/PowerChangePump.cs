using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;

namespace VmControl.Hosting;

/// <summary>
/// Brings a machine's power in as soon as the driver reports that it changed (<see cref="IPowerChangeFeed"/>): only the
/// machines named are read and only their VMs written (<see cref="IMachinePowerSync"/>), so an out-of-band crash or
/// destroy reaches <c>powerState</c> within a second instead of at the next timer pass, and an event costs the same
/// however many VMs there are. Changes that may have gone unheard (the driver reconnected) run a whole pass instead.
/// </summary>
public sealed partial class PowerChangePump(IPowerChangeFeed feed, IServiceProvider services, ILogger<PowerChangePump> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = services.GetService<IPowerSyncRunner>();
        var machines = services.GetService<IMachinePowerSync>();
        if (runner is null || machines is null)
        {
            LogNoRunner(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var changes = await feed.WaitForChangesAsync(stoppingToken).ConfigureAwait(false);
                if (changes.Unheard)
                {
                    // The pass reads every machine, the named ones included. It logs and reports its own failures.
                    var summary = await runner.RunPassAsync(stoppingToken).ConfigureAwait(false);
                    LogPass(logger, summary.Changed);
                    continue;
                }

                // One at a time, in no particular order: each is its own read and write, and never throws.
                foreach (var machine in changes.Machines)
                {
                    await machines.SyncMachineAsync(machine, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    [LoggerMessage(EventId = 720, Level = LogLevel.Warning, Message = "Power change events are ignored: this host runs no power sync")]
    private static partial void LogNoRunner(ILogger logger);

    [LoggerMessage(EventId = 721, Level = LogLevel.Debug, Message = "Power changes may have gone unheard: a power-sync pass changed {Changed} VMs")]
    private static partial void LogPass(ILogger logger, int changed);
}
