namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorRestartTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Fact]
    public async Task NewInstance_OverSameTable_KeepsMachines()
    {
        var vmId = await sim.CreateRunningAsync();
        await sim.Hypervisor.SetPowerStateAsync(vmId, PowerState.Paused);

        var restarted = sim.Restarted();

        Assert.Equal(PowerState.Paused, (await restarted.GetPowerStateAsync(vmId)).PowerState);
    }

    [Fact]
    public async Task NewInstance_OverSameTable_FinishesPendingOperation()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 30_000;
        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Suspend));

        var restarted = sim.Restarted();
        var during = await restarted.PollAsync(operation);
        sim.Time.Advance(TimeSpan.FromSeconds(30));
        var after = await restarted.PollAsync(operation);

        Assert.Equal(OperationState.InProgress, during.State);
        Assert.Equal(OperationState.Succeeded, after.State);
        Assert.Equal(PowerState.Suspended, after.Power!.PowerState);
    }

    [Fact]
    public async Task EnsureCreated_OnExistingTable_KeepsMachines()
    {
        var vmId = await sim.CreateRunningAsync();

        var restarted = sim.Restarted();
        await restarted.EnsureCreatedAsync();

        Assert.NotNull(await restarted.GetMachineAsync(vmId));
    }
}
