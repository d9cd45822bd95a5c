namespace VmControl.Application.Ports;

/// <summary>
/// The simulated driver's control surface (docs/api.md). Registered only while the simulated driver is active;
/// without it the simulator routes answer 404 <c>simulator_not_active</c>. Inputs arrive validated.
/// </summary>
public interface ISimulatorControl
{
    /// <summary>Latency and random failure rate of every later hypervisor call.</summary>
    Task SetSettingsAsync(int latencyMs, double failureRate, CancellationToken cancellationToken = default);

    /// <summary>The next <paramref name="count"/> calls matching the VM and action (null: any) fail.</summary>
    Task AddFaultAsync(string? vmId, VmAction? action, int count, SimulatorFaultKind kind, CancellationToken cancellationToken = default);

    /// <summary>Changes a machine's power out of band; false when the simulator has no machine for the VM.</summary>
    Task<bool> SetPowerStateAsync(string vmId, PowerState powerState, CancellationToken cancellationToken = default);

    /// <summary>
    /// Holds every operation on the VM (null: any VM) and action (null: any action) in progress until
    /// <see cref="ReleaseHoldAsync"/>; returns the hold's id.
    /// </summary>
    Task<string> AddHoldAsync(string? vmId, VmAction? action, CancellationToken cancellationToken = default);

    /// <summary>Releases a hold (its operations end at their next poll); false when there is no such hold.</summary>
    Task<bool> ReleaseHoldAsync(string holdId, CancellationToken cancellationToken = default);

    /// <summary>Adds a machine the control plane does not know; returns its external id.</summary>
    Task<string> AddMachineAsync(string name, PowerState powerState, CancellationToken cancellationToken = default);
}
