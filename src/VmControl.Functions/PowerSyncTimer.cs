using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Functions.Durable;
using VmControl.Http;

namespace VmControl.Functions;

/// <summary>
/// The power-sync timer (schedule from the setting <c>PowerSync:Schedule</c>, every minute by default in the sample
/// settings). It runs the same pass as <c>POST /api/power-sync</c>, when the host has registered one.
/// </summary>
public sealed class PowerSyncTimer(IServiceProvider services)
{
    [Function(nameof(PowerSyncTimer))]
    public async Task Run(
        [TimerTrigger("%PowerSync:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        // Power sync may heal a VM by starting a task, which needs the invocation's Durable client.
        using var scope = DurableClientScope.Use(client);
        if (services.GetService<PowerSyncRunner>() is { } run)
        {
            await run(cancellationToken).ConfigureAwait(false);
        }
    }
}
