namespace VmControl.Application.Tests.UseCases;

/// <summary>The task lock: concurrent requests start one task.</summary>
public sealed class RequestActionConcurrencyTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    [Fact]
    public async Task TwentyConcurrentStops_OnOneIdleVm_StartExactlyOneTask()
    {
        var vm = await system.CreateActiveVmAsync();

        // The winner's stop is held on the hypervisor while the others decide, so each of them is refused for the task
        // in flight (not for a VM already stopped, as it would be after a quick task ended).
        var hold = system.Simulator.AddHold(vm.Id, VmAction.Stop);
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                Task.Run(() => system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop)))));

            var accepted = Assert.Single(results.OfType<CommandResult.Accepted>());
            Assert.Equal(19, results.OfType<CommandResult.Refused>().Count());
            Assert.All(results.OfType<CommandResult.Refused>(), r => Assert.Equal(RefusalCode.TaskInProgress, r.Decision.Code));

            system.Simulator.ReleaseHold(hold.Id);
            await system.WaitFinishedAsync(vm.Id, accepted.Action.Id);
        }
        finally
        {
            system.Simulator.Reset();
        }

        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        Assert.Single(history.Items, a => a.Action == "stop");
        Assert.Equal(VmState.Stopped, (await system.Vms.GetAsync(vm.Id))!.VmState);
    }
}
