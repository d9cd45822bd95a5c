namespace VmControl.Application.PowerSync;

/// <summary>
/// Brings one machine's power into its VM record now (a lifecycle event named it), through the pass's own write rules
/// but without counting as a pass: drift counts, alerts, heals and reclaims stay the timer pass's (docs/power-sync.md).
/// </summary>
public interface IMachinePowerSync
{
    /// <summary>Reads the machine and writes its VM's power if it changed; true when power_state (or its detail) was written. Never throws but for cancellation.</summary>
    Task<bool> SyncMachineAsync(string externalId, CancellationToken cancellationToken = default);
}
