namespace VmControl.Drivers.Simulated.Tests;

// Durable activities may run twice: every repeated call here must give the same answer or be harmless.
public sealed class SimulatedHypervisorIdempotencyTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Fact]
    public async Task Begin_TwiceWhilePending_ReturnsSameOperation()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 10_000;

        var first = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));
        var second = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));

        Assert.Equal(first.OperationId, second.OperationId);
    }

    [Fact]
    public async Task Begin_TwiceForResize_ResizesOnce()
    {
        var vmId = await sim.CreateRunningAsync();
        var resize = SimulatorHarness.Command(vmId, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        var first = await sim.Hypervisor.BeginAsync(resize);
        var second = await sim.Hypervisor.BeginAsync(resize);
        await sim.FinishAsync(second);

        Assert.Equal(first.OperationId, second.OperationId);
        var machine = await sim.Hypervisor.GetMachineAsync(vmId);
        Assert.Equal(("large", "small"), (machine!.Size, machine.PreviousSize));
    }

    [Fact]
    public async Task Begin_WithNoLatency_AnswersWithTheEndAndARepeatOfTheRequestGetsTheSameEnd()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 0;
        var resize = SimulatorHarness.Command(vmId, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        var first = await sim.Hypervisor.BeginAsync(resize);
        var repeat = await sim.Hypervisor.BeginAsync(resize);
        var another = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));

        Assert.Equal(OperationState.Succeeded, first.Done?.State);
        Assert.Equal(first.OperationId, repeat.OperationId);
        Assert.Equal(OperationState.Succeeded, repeat.Done?.State);
        Assert.NotEqual(first.OperationId, another.OperationId);
        var machine = await sim.Hypervisor.GetMachineAsync(vmId);
        Assert.Equal(("large", "small", PowerState.Shutdown), (machine!.Size, machine.PreviousSize, machine.PowerState));
    }

    [Fact]
    public async Task Begin_ConcurrentlyForOneMachine_StartsOneOperation()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 10_000;

        var operations = await Task.WhenAll(
            Enumerable.Range(0, 8).Select(_ => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Pause))));

        Assert.Single(operations.Select(o => o.OperationId).Distinct());
    }

    [Fact]
    public async Task Poll_Twice_GivesSameAnswer()
    {
        var vmId = await sim.CreateRunningAsync();

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Pause));
        var first = await sim.Hypervisor.PollAsync(operation);
        await sim.Hypervisor.SetPowerStateAsync(vmId, PowerState.Running);
        var second = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(OperationState.Succeeded, first.State);
        Assert.Equal(OperationState.Succeeded, second.State);
        Assert.Equal(PowerState.Running, second.Power!.PowerState);
    }

    [Fact]
    public async Task Create_OfExistingMachine_ReturnsItsCreateOperation()
    {
        var vmId = SimulatorHarness.NewVmId();
        var create = SimulatorHarness.Command(vmId, VmAction.Create);
        var first = await sim.Hypervisor.BeginAsync(create);
        await sim.FinishAsync(first);

        var again = await sim.Hypervisor.BeginAsync(create);
        var progress = await sim.Hypervisor.PollAsync(again);

        Assert.Equal(first.OperationId, again.OperationId);
        Assert.Equal(OperationState.Succeeded, progress.State);
    }

    [Fact]
    public async Task Create_OfExistingMachineAfterOtherActions_SucceedsWithoutChangingIt()
    {
        var vmId = await sim.CreateRunningAsync();
        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Stop));

        var progress = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Create));

        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Equal(PowerState.Shutdown, progress.Power!.PowerState);
    }

    [Fact]
    public async Task Delete_OfMissingMachine_SucceedsAtOnce()
    {
        sim.Settings.LatencyMs = 10_000;

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(SimulatorHarness.NewVmId(), VmAction.Delete));
        var progress = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal(TimeSpan.Zero, operation.PollAfter);
        Assert.Equal((OperationState.Succeeded, PowerState.NoState), (progress.State, progress.Power!.PowerState));
    }

    [Fact]
    public async Task Delete_PolledTwice_SucceedsBothTimes()
    {
        var vmId = await sim.CreateRunningAsync();

        var operation = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Delete));
        var first = await sim.Hypervisor.PollAsync(operation);
        var second = await sim.Hypervisor.PollAsync(operation);

        Assert.Equal((OperationState.Succeeded, OperationState.Succeeded), (first.State, second.State));
    }

    [Fact]
    public async Task Begin_OtherActionWhilePending_FailsTransientlyWithNothingChanged()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 10_000;
        await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Stop));

        var error = await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Pause)));

        Assert.Equal(("operation_in_progress", true, FailureKind.NothingChanged), (error.Error.Code, error.Transient, error.Error.Kind));
    }

    [Fact]
    public async Task Delete_WhileResizePending_PreemptsIt()
    {
        var vmId = await sim.CreateRunningAsync();
        sim.Settings.LatencyMs = 10_000;
        var resize = await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Resize));

        var deleted = await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Delete));
        var resizeAfter = await sim.Hypervisor.PollAsync(resize);

        Assert.Equal(OperationState.Succeeded, deleted.State);
        Assert.Equal(OperationState.Failed, resizeAfter.State);
        Assert.Equal(PowerState.NoState, (await sim.Hypervisor.GetPowerStateAsync(vmId)).PowerState);
    }

    [Fact]
    public async Task Begin_OnMissingMachine_FailsPermanently()
    {
        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(SimulatorHarness.NewVmId(), VmAction.Start)));

        Assert.Equal(("machine_not_found", false), (error.Error.Code, error.Transient));
    }

    [Fact]
    public async Task Begin_WithIdThatCannotBeRowKey_FailsPermanently()
    {
        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => sim.Hypervisor.BeginAsync(SimulatorHarness.Command("bad/id", VmAction.Create)));

        Assert.Equal(("invalid_machine_id", false), (error.Error.Code, error.Transient));
    }
}
