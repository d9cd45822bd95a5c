using VmControl.Application.Tests.Tasks.Harness;

namespace VmControl.Application.Tests.Tasks;

/// <summary>
/// A begin step that reached the hypervisor is never recorded as "nothing changed": the stores go down right after the
/// driver accepted the operation and stay down until the operation's first poll, which the durable timer puts later
/// than the begin step's whole retry window (three attempts 0.1 s and 0.2 s apart; the first poll waits the
/// simulator's 2 s). The task follows the operation anyway, and the VM ends as the hypervisor did.
/// </summary>
public sealed class StoreOutageDuringBeginTests : IAsyncLifetime
{
    private readonly TaskEngine engine = new() { Prefix = TaskEngine.NewPrefix(), Limits = new VmTaskLimits(3, TimeSpan.FromMilliseconds(100), 1000) };

    public Task InitializeAsync() => engine.StartAsync();

    public Task DisposeAsync() => engine.DisposeAsync().AsTask();

    [Fact]
    public async Task Resize_WhoseBeginCannotBeWritten_IsFollowed_AndTheVmHasTheHypervisorsNewSize()
    {
        // Resize's failure rule is error-if-started: recorded as "nothing changed", the VM would stay small while the machine grows.
        var (vm, action) = await RunThroughOutageAsync(VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        var machine = await engine.MachineAsync(vm);
        Assert.Equal(ActionStatus.Succeeded, action.Status);
        Assert.Equal((VmState.Resized, "large"), (vm.VmState, vm.Size));
        Assert.Equal("large", machine.Size);
    }

    [Fact]
    public async Task Stop_WhoseBeginCannotBeWritten_IsFollowed_AndTheVmIsStoppedLikeTheMachine()
    {
        // Stop's failure rule is unchanged: recorded as failed, the VM would stay active while the machine is off.
        var (vm, action) = await RunThroughOutageAsync(VmAction.Stop);

        var machine = await engine.MachineAsync(vm);
        Assert.Equal(ActionStatus.Succeeded, action.Status);
        Assert.Equal(VmState.Stopped, vm.VmState);
        Assert.Equal(PowerState.Shutdown, machine.PowerState);
        Assert.Equal(machine.PowerState, vm.PowerState);
    }

    [Fact]
    public async Task Stop_EndedAtOnceByTheHypervisor_WhoseEndCannotBeWritten_IsWrittenByTheFinishStep()
    {
        var created = await engine.CreateActiveVmAsync();
        var script = engine.Driver.For(created.ExternalId!);

        // No latency: the driver answers with the end, and the begin step's write of it (one request) fails.
        script.AfterBegin = () => engine.Outage.FailNext(1);
        var actionId = await engine.RequestAsync(created.Id, VmAction.Stop);
        var vm = await engine.WaitForTaskAsync(created.Id, actionId);

        var action = await engine.ActionAsync(created.Id, actionId);
        Assert.Equal(1, engine.Outage.Failed);
        Assert.Equal(ActionStatus.Succeeded, action.Status);
        Assert.Equal((VmState.Stopped, PowerState.Shutdown), (vm.VmState, (await engine.MachineAsync(vm)).PowerState));
        Assert.Contains(action.Events, e => e.Step == ActionEvent.CompletedStep);
    }

    private async Task<(VmRecord Vm, ActionRecord Action)> RunThroughOutageAsync(VmAction verb, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var created = await engine.CreateActiveVmAsync();
        engine.Hypervisor.Settings.LatencyMs = 2000;
        var script = engine.Driver.For(created.ExternalId!);
        script.AfterBegin = engine.Outage.Begin;
        script.BeforePoll = engine.Outage.End;

        var actionId = await engine.RequestAsync(created.Id, verb, parameters);
        var vm = await engine.WaitForTaskAsync(created.Id, actionId);

        var action = await engine.ActionAsync(created.Id, actionId);
        Assert.True(engine.Outage.Failed > 0, "The begin step's write did not meet the outage.");
        Assert.Equal(1, script.Begins);
        Assert.Null(vm.TaskState);

        // The steps the begin could not write travelled with the operation and were written with the end.
        Assert.Equal(
            [ActionChange.StartedStep, "hypervisor.begin", ActionEvent.CompletedStep],
            action.Events.Select(e => e.Step).Where(s => s != "task.succeeded"));
        return (vm, action);
    }
}
