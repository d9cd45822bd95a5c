using VmControl.Application.PowerSync;

namespace VmControl.Functions;

/// <summary>
/// The power-sync timer (CRON from the setting <c>PowerSync:Schedule</c>, every minute in the sample settings). It runs
/// the same pass as <c>POST /api/power-sync</c>. Functions runs a timer trigger on one instance at a time.
/// </summary>
public sealed class PowerSyncTimer(IPowerSyncRunner power)
{
    [Function(nameof(PowerSyncTimer))]
    public async Task Run(
        [TimerTrigger("%PowerSync:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        // Heals and reclaims start tasks, and the orphan check asks the engine: both need the invocation's Durable client.
        using var scope = DurableClientScope.Use(client);
        await power.RunPassAsync(cancellationToken).ConfigureAwait(false);
    }
}
