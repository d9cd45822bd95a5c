namespace VmControl.Drivers.Simulated;

/// <summary>
/// What the simulator routes of api.md call (<c>/api/simulator/…</c>): settings, faults, out-of-band power changes and
/// unknown machines. A thin facade so the hosts need one object; the work is in the settings and the hypervisor.
/// </summary>
public sealed class SimulatorControl(SimulatedHypervisor hypervisor) : ISimulatorControl
{
    public SimulatedHypervisor Hypervisor { get; } = hypervisor ?? throw new ArgumentNullException(nameof(hypervisor));

    public SimulatorSettings Settings => Hypervisor.Settings;

    /// <summary><c>PUT /api/simulator/settings</c>: null leaves a value as it is; out-of-range values throw before anything changes.</summary>
    public void UpdateSettings(int? latencyMs = null, double? failureRate = null, int? seed = null)
    {
        Settings.Update(latencyMs, failureRate);
        if (seed is not null)
        {
            Settings.Seed = seed;
        }
    }

    /// <summary><c>POST /api/simulator/faults</c>.</summary>
    public SimulatedFault AddFault(string? vmId, VmAction? action, int count, FaultKind kind, FaultStage stage = FaultStage.Begin) =>
        Settings.AddFault(vmId, action, count, kind, stage);

    /// <summary><c>POST /api/simulator/holds</c>.</summary>
    public SimulatedHold AddHold(string? vmId, VmAction? action) => Settings.AddHold(vmId, action);

    /// <summary><c>DELETE /api/simulator/holds/{id}</c>.</summary>
    public bool ReleaseHold(string holdId) => Settings.ReleaseHold(holdId);

    /// <summary><c>POST /api/simulator/vms/{id}/power-state</c>: null when the hypervisor has no such machine.</summary>
    public Task<PowerReading?> SetPowerStateAsync(string externalId, PowerState powerState, CancellationToken cancellationToken = default) =>
        Hypervisor.SetPowerStateAsync(externalId, powerState, cancellationToken);

    /// <summary><c>POST /api/simulator/machines</c>: the new machine's external id.</summary>
    public Task<string> AddUnknownMachineAsync(string name, PowerState powerState, CancellationToken cancellationToken = default) =>
        Hypervisor.AddUnknownMachineAsync(name, powerState, cancellationToken);

    Task ISimulatorControl.SetSettingsAsync(int latencyMs, double failureRate, CancellationToken cancellationToken)
    {
        UpdateSettings(latencyMs, failureRate);
        return Task.CompletedTask;
    }

    Task ISimulatorControl.AddFaultAsync(string? vmId, VmAction? action, int count, SimulatorFaultKind kind, CancellationToken cancellationToken)
    {
        AddFault(vmId, action, count, kind == SimulatorFaultKind.Permanent ? FaultKind.Permanent : FaultKind.Transient);
        return Task.CompletedTask;
    }

    Task<string> ISimulatorControl.AddHoldAsync(string? vmId, VmAction? action, CancellationToken cancellationToken) =>
        Task.FromResult(AddHold(vmId, action).Id);

    Task<bool> ISimulatorControl.ReleaseHoldAsync(string holdId, CancellationToken cancellationToken) =>
        Task.FromResult(ReleaseHold(holdId));

    async Task<bool> ISimulatorControl.SetPowerStateAsync(string vmId, PowerState powerState, CancellationToken cancellationToken) =>
        await SetPowerStateAsync(vmId, powerState, cancellationToken).ConfigureAwait(false) is not null;

    Task<string> ISimulatorControl.AddMachineAsync(string name, PowerState powerState, CancellationToken cancellationToken) =>
        AddUnknownMachineAsync(name, powerState, cancellationToken);
}
