using VmControl.Application.Tests.Tasks.Harness;
using VmControl.Drivers.Simulated;

namespace VmControl.Application.Tests.Tasks;

/// <summary>
/// The orchestrator's failure branches through the real engine, with small budgets (three attempts, ten polls) and a
/// scripted driver at the port: retries exhausted at the begin (by the hypervisor, by the store), the hypervisor
/// unreachable while followed, the poll budget spent (the deadline: <see cref="VmTaskOrchestratorDeadlineTests"/>). Each
/// ends by the action's failure rule.
/// </summary>
public sealed class VmTaskOrchestratorBranchTests : IAsyncLifetime
{
    private const int Attempts = 3;
    private const int MaxPolls = 10;

    private static readonly Dictionary<string, string> ToLarge = new() { ["size"] = "large" };

    private readonly TaskEngine engine = new()
    {
        Prefix = TaskEngine.NewPrefix(),
        Limits = new VmTaskLimits(Attempts, TimeSpan.FromMilliseconds(100), MaxPolls),
    };

    public Task InitializeAsync() => engine.StartAsync();

    public Task DisposeAsync() => engine.DisposeAsync().AsTask();

    [Fact]
    public async Task Begin_RefusedTransientlyOnEveryAttempt_FailsHypervisorUnavailable_AndTheResizeChangedNothing()
    {
        var vm = await engine.CreateActiveVmAsync();
        var createBegins = engine.Driver.For(vm.ExternalId!).Begins;
        // One refusal more would be one attempt more: the task would then succeed.
        engine.Hypervisor.Settings.AddFault(vm.Id, VmAction.Resize, Attempts, FaultKind.Transient);

        var (after, action) = await RunAsync(vm, VmAction.Resize, ToLarge);

        Assert.Equal((ActionStatus.Failed, "hypervisor_unavailable"), (action.Status, action.Error?.Code));
        Assert.Equal(Attempts, engine.Driver.For(vm.ExternalId!).Begins - createBegins);
        Assert.Equal(Attempts, action.Events.Count(e => e.Step == "hypervisor.begin" && e.Result == "transient_error"));
        Assert.Equal((VmState.Active, "small"), (after.VmState, after.Size));
        Assert.Equal("small", (await engine.MachineAsync(after)).Size);
    }

    [Fact]
    public async Task Begin_WithTheStoreDownOnEveryAttempt_FailsStoreUnavailable_AsStarted_SoTheResizeGoesToError()
    {
        var vm = await engine.CreateActiveVmAsync();
        // Each attempt's first call is the VM's read, one request (the stores' client does not retry here).
        engine.Launcher.BeforeNextStart(() => engine.Outage.FailNext(Attempts));

        var (after, action) = await RunAsync(vm, VmAction.Resize, ToLarge);

        // The effect of a begin that never answered is unknown: started, under the store's code, not the hypervisor's.
        Assert.Equal(Attempts, engine.Outage.Failed);
        Assert.Equal((ActionStatus.Failed, "store_unavailable"), (action.Status, action.Error?.Code));
        Assert.Equal(VmState.Error, after.VmState);
        Assert.Equal("store_unavailable", after.Fault?.Code);
    }

    [Theory]
    [InlineData(VmAction.Resize, VmState.Error)] // error if started
    [InlineData(VmAction.Stop, VmState.Active)] // unchanged
    public async Task Follow_WithEveryPollAttemptFailing_FailsHypervisorUnavailable_AsStarted(VmAction verb, VmState expected)
    {
        var vm = await engine.CreateActiveVmAsync();
        engine.Hypervisor.Settings.LatencyMs = 1000;
        var script = engine.Driver.For(vm.ExternalId!);
        var createPolls = script.Polls;
        script.Poll = _ => throw new HypervisorException(
            new HypervisorError("unreachable", "The hypervisor did not answer.", Transient: true, FailureKind.NothingChanged));

        var (after, action) = await RunAsync(vm, verb, verb == VmAction.Resize ? ToLarge : null);

        Assert.Equal((ActionStatus.Failed, "hypervisor_unavailable"), (action.Status, action.Error?.Code));
        Assert.Equal(Attempts, script.Polls - createPolls);
        Assert.Equal(expected, after.VmState);
    }

    [Fact]
    public async Task Follow_WhenThePollBudgetIsSpent_FailsDeadlineExceeded_AsStarted()
    {
        var vm = await engine.CreateActiveVmAsync();
        engine.Hypervisor.Settings.LatencyMs = 1000;
        var script = engine.Driver.For(vm.ExternalId!);
        var createPolls = script.Polls;
        script.Poll = _ => new OperationProgress(OperationState.InProgress, PollAfter: TimeSpan.FromMilliseconds(10));

        // Stop: no deadline of its own (ten minutes), so only the budget can end the polling.
        var (after, action) = await RunAsync(vm, VmAction.Stop);

        Assert.Equal((ActionStatus.Failed, "deadline_exceeded"), (action.Status, action.Error?.Code));
        Assert.Contains($"within {MaxPolls} polls", action.Error?.Message, StringComparison.Ordinal);
        Assert.Equal(MaxPolls, script.Polls - createPolls);
        Assert.Equal(VmState.Active, after.VmState);
    }

    private async Task<(VmRecord Vm, ActionRecord Action)> RunAsync(VmRecord vm, VmAction verb, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var actionId = await engine.RequestAsync(vm.Id, verb, parameters);
        var after = await engine.WaitForTaskAsync(vm.Id, actionId);
        Assert.Null(after.TaskState);
        Assert.Equal(actionId, after.Fault?.ActionId);
        return (after, await engine.ActionAsync(vm.Id, actionId));
    }
}
