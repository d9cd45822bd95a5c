namespace VmControl.Drivers.Simulated.Tests;

/// <summary>A hold keeps an operation in progress whatever the clock says, until the test releases it.</summary>
public sealed class SimulatedHypervisorHoldTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Fact]
    public async Task Begin_OnAHeldVmWithNoLatency_IsNotAnsweredAtOnce_AndEveryPollIsInProgress()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddHold(vmId, null);

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));
        var polls = new List<OperationProgress>();
        for (var i = 0; i < 5; i++)
        {
            sim.Time.Advance(TimeSpan.FromHours(1));
            polls.Add(await sim.Hypervisor.PollAsync(operation));
        }

        Assert.Null(operation.Done);
        Assert.All(polls, p => Assert.Equal(OperationState.InProgress, p.State));
        Assert.All(polls, p => Assert.Equal(SimulatedHypervisor.HeldPollAfter, p.PollAfter));
        Assert.Equal(PowerState.Running, (await sim.Hypervisor.GetPowerStateAsync(vmId)).PowerState);
    }

    [Fact]
    public async Task Release_LetsTheHeldOperationEndAtItsNextPoll()
    {
        var vmId = await sim.CreateRunningAsync();
        var hold = sim.Settings.AddHold(vmId, VmAction.Stop);
        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));
        Assert.Equal(OperationState.InProgress, (await sim.Hypervisor.PollAsync(operation)).State);

        Assert.True(sim.Settings.ReleaseHold(hold.Id));
        var progress = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Equal(PowerState.Shutdown, progress.Power!.PowerState);
        Assert.False(sim.Settings.ReleaseHold(hold.Id));
    }

    [Fact]
    public async Task Hold_ForOneAction_LetsOtherActionsAndOtherVmsThrough()
    {
        var held = await sim.CreateRunningAsync();
        var other = await sim.CreateRunningAsync();
        sim.Settings.AddHold(held, VmAction.Stop);

        var reboot = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(held, VmAction.Reboot));
        var otherStop = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(other, VmAction.Stop));

        Assert.NotNull(reboot.Done);
        Assert.NotNull(otherStop.Done);
    }

    [Fact]
    public async Task HeldOperation_KeepsTheMachineBusy_ButADeletePreemptsIt()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddHold(vmId, VmAction.Resize);
        await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Resize));
        sim.Time.Advance(TimeSpan.FromHours(1));

        var busy = await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop)));
        var deleted = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Delete));

        Assert.Equal(OperationState.Succeeded, deleted.State);
        Assert.Equal("operation_in_progress", busy.Error.Code);
    }

    [Fact]
    public async Task AnyVmHold_HoldsACreate_AndResetReleasesIt()
    {
        var vmId = SimulatorHarness.NewVmId();
        sim.Settings.AddHold(null, VmAction.Create);
        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Create));
        Assert.Equal(OperationState.InProgress, (await sim.Hypervisor.PollAsync(operation)).State);

        sim.Settings.Reset();

        Assert.Equal(OperationState.Succeeded, (await sim.Hypervisor.PollAsync(operation)).State);
        Assert.Empty(sim.Settings.Holds);
    }
}
