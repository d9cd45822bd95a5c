namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorLatencyTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table, latencyMs: 5_000);

    [Fact]
    public async Task Poll_BeforeLatencyElapsed_IsInProgressWithCappedPollAfter()
    {
        var vmId = SimulatorHarness.NewVmId();

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Create));
        sim.Time.Advance(TimeSpan.FromMilliseconds(4_999));
        var progress = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(TimeSpan.FromSeconds(1), operation.PollAfter);
        Assert.Equal(OperationState.InProgress, progress.State);
        Assert.Equal(TimeSpan.FromMilliseconds(1), progress.PollAfter);
    }

    [Fact]
    public async Task Poll_AfterLatencyElapsed_Succeeds()
    {
        var vmId = SimulatorHarness.NewVmId();

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Create));
        sim.Time.Advance(TimeSpan.FromSeconds(5));
        var progress = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Equal(PowerState.Running, progress.Power!.PowerState);
    }

    [Fact]
    public async Task PowerState_WhileOperationPending_StaysAsBefore()
    {
        sim.Settings.LatencyMs = 0;
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 5_000;

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));
        var during = await sim.Hypervisor.GetPowerStateAsync(vmId);
        sim.Time.Advance(TimeSpan.FromSeconds(5));
        var after = await sim.Hypervisor.GetPowerStateAsync(vmId);

        Assert.Equal(PowerState.Running, during.PowerState);
        Assert.Equal(PowerState.Shutdown, after.PowerState);
        Assert.Equal(OperationState.Succeeded, (await sim.Hypervisor.PollAsync(operation)).State);
    }

    [Fact]
    public async Task Poll_WithZeroLatency_SucceedsAtFirstPoll()
    {
        sim.Settings.LatencyMs = 0;
        var vmId = SimulatorHarness.NewVmId();

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Create));
        var progress = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(TimeSpan.Zero, operation.PollAfter);
        Assert.Equal(OperationState.Succeeded, progress.State);
    }
}
