namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorFaultTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Theory]
    [InlineData(FaultKind.Transient, true)]
    [InlineData(FaultKind.Permanent, false)]
    public async Task Begin_WithBeginFault_FailsCountTimesThenSucceeds(FaultKind kind, bool transient)
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddFault(vmId, VmAction.Stop, 2, kind);

        var first = await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop)));
        var second = await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop)));
        var third = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Stop));

        Assert.All([first, second], e => Assert.Equal((transient, FailureKind.NothingChanged), (e.Transient, e.Error.Kind)));
        Assert.Equal(OperationState.Succeeded, third.State);
        Assert.Equal(PowerState.Shutdown, third.Power!.PowerState);
    }

    [Fact]
    public async Task Begin_WithBeginFault_LeavesMachineUnchanged()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddFault(vmId, VmAction.Pause, 1, FaultKind.Permanent);

        await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Pause)));

        var machine = await sim.Hypervisor.GetMachineAsync(vmId);
        Assert.Equal((PowerState.Running, (VmAction?)null), (machine!.PowerState, machine.PendingAction));
    }

    [Theory]
    [InlineData(FaultKind.Transient, true)]
    [InlineData(FaultKind.Permanent, false)]
    public async Task Poll_WithCompleteFault_FailsAsStartedAndPowerUnchanged(FaultKind kind, bool transient)
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddFault(vmId, VmAction.Resize, 1, kind, FaultStage.Complete);

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Resize));
        var failed = await sim.FinishAsync(operation);
        var repeated = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal((transient, FailureKind.Started), (failed.Error!.Transient, failed.Error.Kind));
        Assert.Equal(PowerState.Running, failed.Power!.PowerState);
        Assert.Equal(failed.Error, repeated.Error);
        Assert.Empty(sim.Settings.Faults);
    }

    [Fact]
    public async Task Begin_AfterCompleteFaultCountedDown_Succeeds()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.AddFault(vmId, VmAction.Reboot, 1, FaultKind.Transient, FaultStage.Complete);

        var failed = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Reboot));
        var retried = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Reboot));

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal(OperationState.Succeeded, retried.State);
    }

    [Fact]
    public async Task Begin_ForOtherVm_IsNotHitByTargetedFault()
    {
        var target = await sim.CreateRunningAsync();
        var other = await sim.CreateRunningAsync();
        sim.Settings.AddFault(target, VmAction.Stop, 1, FaultKind.Permanent);

        var progress = await sim.RunAsync(SimulatorHarness.Command(other, VmAction.Stop));

        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Single(sim.Settings.Faults);
    }
}
