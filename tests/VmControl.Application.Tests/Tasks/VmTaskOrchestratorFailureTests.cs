using VmControl.Drivers.Simulated;

namespace VmControl.Application.Tests.Tasks;

/// <summary>Failures through the real engine: transient retries, the table's failure rules, faults kept on the VM.</summary>
public sealed class VmTaskOrchestratorFailureTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    [Fact]
    public async Task TransientFault_IsRetried_AndTheTaskSucceeds()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.AddFault(vm.Id, VmAction.Stop, 1, FaultKind.Transient);

        var action = await system.RunAsync(vm.Id, VmAction.Stop);

        Assert.Equal(ActionStatus.Succeeded, action.Status);
        Assert.Contains(action.Events, e => e.Step == "hypervisor.begin" && e.Result == "transient_error");
        Assert.Contains(action.Events, e => e.Step == "hypervisor.begin" && e.Result == "ok");
        Assert.Equal(VmState.Stopped, (await system.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Theory]
    [InlineData("stop", "active", "active")] // failure rule: unchanged
    [InlineData("pause", "active", "active")]
    [InlineData("rescue", "active", "error")] // failure rule: error
    [InlineData("reboot", "active", "active")] // error only if not running afterwards; the simulator still runs it
    public async Task PermanentFault_AppliesTheFailureRule_AndKeepsTheFault(string action, string from, string expected)
    {
        var vm = await system.CreateActiveVmAsync();
        Assert.Equal(from, vm.VmState.ToWire());
        Assert.True(WireNames.TryParse<VmAction>(action, out var verb));
        system.Simulator.AddFault(vm.Id, verb, 1, FaultKind.Permanent);

        var record = await system.RunAsync(vm.Id, verb);

        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.NotNull(record.Error);
        Assert.Equal(expected, after!.VmState.ToWire());
        Assert.Null(after.TaskState);
        Assert.Equal(action, after.Fault?.Action.ToWire());
        Assert.Equal(record.Id, after.Fault?.ActionId);
    }

    [Fact]
    public async Task RebootFailing_WhileTheMachineIsDown_PutsTheVmInError()
    {
        var vm = await system.CreateActiveVmAsync();
        var hypervisor = (SimulatedHypervisor)system.Services.GetService(typeof(SimulatedHypervisor))!;
        await hypervisor.SetPowerStateAsync(vm.Id, PowerState.Shutdown);
        system.Simulator.AddFault(vm.Id, VmAction.Reboot, 1, FaultKind.Permanent);

        var record = await system.RunAsync(vm.Id, VmAction.Reboot);

        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.Equal(VmState.Error, (await system.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Fact]
    public async Task FaultAtCompletion_OfAResize_PutsTheVmInError_BecauseSomethingMoved()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.AddFault(vm.Id, VmAction.Resize, 1, FaultKind.Permanent, FaultStage.Complete);

        var record = await system.RunAsync(vm.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.Equal(VmState.Error, (await system.Vms.GetAsync(vm.Id))!.VmState);
        Assert.Equal([VmAction.Delete], Lifecycle.AllowedActions((await system.Vms.GetAsync(vm.Id))!.Status));
    }

    [Fact]
    public async Task FaultAtBegin_OfAResize_LeavesTheVmUnchanged_BecauseNothingMoved()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.AddFault(vm.Id, VmAction.Resize, 1, FaultKind.Permanent, FaultStage.Begin);

        var record = await system.RunAsync(vm.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.Equal(VmState.Active, after!.VmState);
        Assert.Equal("small", after.Size);
    }
}
