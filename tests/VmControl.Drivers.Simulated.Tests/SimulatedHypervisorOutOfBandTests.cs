namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorOutOfBandTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Fact]
    public async Task SetPowerState_GuestShutdown_VisibleInGetAndBulkList()
    {
        var vmId = await sim.CreateRunningAsync();
        var control = new SimulatorControl(sim.Hypervisor);

        var reading = await control.SetPowerStateAsync(vmId, PowerState.Shutdown);

        Assert.Equal(PowerState.Shutdown, reading!.PowerState);
        var single = await sim.Hypervisor.GetPowerStateAsync(vmId);
        Assert.Equal((PowerState.Shutdown, "stopped", vmId), (single.PowerState, single.Detail, single.VmId));
        var listed = Assert.Single(await sim.ListAllAsync(), r => r.ExternalId == vmId);
        Assert.Equal((PowerState.Shutdown, "stopped"), (listed.PowerState, listed.Detail));
    }

    [Fact]
    public async Task SetPowerState_NoState_RemovesMachine()
    {
        var vmId = await sim.CreateRunningAsync();

        await sim.Hypervisor.SetPowerStateAsync(vmId, PowerState.NoState);

        Assert.Equal(PowerState.NoState, (await sim.Hypervisor.GetPowerStateAsync(vmId)).PowerState);
        Assert.DoesNotContain(await sim.ListAllAsync(), r => r.ExternalId == vmId);
    }

    [Fact]
    public async Task SetPowerState_UnknownMachine_ReturnsNull()
    {
        Assert.Null(await sim.Hypervisor.SetPowerStateAsync("no-such-machine", PowerState.Shutdown));
    }

    [Fact]
    public async Task AddUnknownMachine_IsListedWithoutVmId()
    {
        var control = new SimulatorControl(sim.Hypervisor);

        var externalId = await control.AddUnknownMachineAsync("stray", PowerState.Running);

        Assert.StartsWith("sim-", externalId, StringComparison.Ordinal);
        var listed = Assert.Single(await sim.ListAllAsync(), r => r.ExternalId == externalId);
        Assert.Equal((null, PowerState.Running), (listed.VmId, listed.PowerState));
    }

    [Fact]
    public async Task GetPowerState_MissingMachine_IsNoState()
    {
        var reading = await sim.Hypervisor.GetPowerStateAsync("missing-" + Guid.NewGuid().ToString("N"));

        Assert.Equal((PowerState.NoState, (string?)null), (reading.PowerState, reading.VmId));
    }

    [Fact]
    public async Task ReadCount_CountsSingleGetsAndBulkPages()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Hypervisor.ResetReadCounts();

        await sim.Hypervisor.GetPowerStateAsync(vmId);
        await sim.Hypervisor.ListPowerStatesAsync(null);

        Assert.Equal((1, 1, 2), (sim.Hypervisor.SingleReadCount, sim.Hypervisor.BulkReadCount, sim.Hypervisor.ReadCount));
    }

    [Fact]
    public void UpdateSettings_ThroughControl_ChangesSettings()
    {
        var control = new SimulatorControl(sim.Hypervisor);

        control.UpdateSettings(latencyMs: 250, failureRate: 0.25, seed: 3);
        control.AddFault(null, VmAction.Stop, 1, FaultKind.Transient);

        Assert.Equal((250, 0.25, (int?)3), (sim.Settings.LatencyMs, sim.Settings.FailureRate, sim.Settings.Seed));
        Assert.Single(sim.Settings.Faults);
    }
}
