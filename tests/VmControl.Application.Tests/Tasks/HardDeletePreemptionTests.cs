namespace VmControl.Application.Tests.Tasks;

/// <summary>Hard delete pre-empts a running task (docs/lifecycle.md §2); the pre-empted task writes nothing afterwards.</summary>
public sealed class HardDeletePreemptionTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    [Fact]
    public async Task Delete_DuringASlowResize_PreemptsIt_AndTheResizeWritesNothing()
    {
        var vm = await system.CreateActiveVmAsync();

        // Held, the resize is certainly still on the hypervisor when the delete comes; only the resize is held.
        system.Simulator.AddHold(vm.Id, VmAction.Resize);
        try
        {
            var resize = Assert.IsType<CommandResult.Accepted>(await system.Commands.RequestActionAsync(
                new ActionRequest(vm.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" })));
            await WaitUntil(async () => (await system.Actions.GetAsync(vm.Id, resize.Action.Id))?.StartedAt is not null);

            var delete = Assert.IsType<CommandResult.Accepted>(await system.Commands.DeleteAsync(vm.Id, null, "test"));
            var deleted = await system.WaitFinishedAsync(vm.Id, delete.Action.Id);
            var preempted = await system.WaitFinishedAsync(vm.Id, resize.Action.Id);

            var after = await system.Vms.GetAsync(vm.Id);
            Assert.Equal(ActionStatus.Succeeded, deleted.Status);
            Assert.Equal(ActionStatus.Preempted, preempted.Status);
            Assert.Equal(VmState.HardDeleted, after!.VmState);
            Assert.Null(after.TaskState);
            Assert.Equal("small", after.Size);
            Assert.Equal(delete.Action.Id, after.CurrentActionId);
        }
        finally
        {
            system.Simulator.Reset();
        }
    }

    [Fact]
    public async Task Delete_Repeated_AnswersWithTheSameDelete_AndStartsNoSecondTask()
    {
        var vm = await system.CreateActiveVmAsync();
        var first = Assert.IsType<CommandResult.Accepted>(await system.Commands.DeleteAsync(vm.Id, null, "test"));
        var whileDeleting = await system.Commands.DeleteAsync(vm.Id, null, "test");
        await system.WaitFinishedAsync(vm.Id, first.Action.Id);
        var afterDeleted = Assert.IsType<CommandResult.AlreadyDeleting>(await system.Commands.DeleteAsync(vm.Id, null, "test"));

        if (whileDeleting is CommandResult.AlreadyDeleting again)
        {
            Assert.Equal(first.Action.Id, again.Action?.Id);
        }
        else
        {
            Assert.Fail($"A delete while deleting answered {whileDeleting}.");
        }

        Assert.True(afterDeleted.Finished);
        Assert.Equal(first.Action.Id, afterDeleted.Action?.Id);
        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        Assert.Single(history.Items, a => a.Action == "delete");
    }

    [Fact]
    public async Task AnyAction_OnAHardDeletedVm_IsRefused()
    {
        var vm = await system.CreateActiveVmAsync();
        var delete = Assert.IsType<CommandResult.Accepted>(await system.Commands.DeleteAsync(vm.Id, null, "test"));
        await system.WaitFinishedAsync(vm.Id, delete.Action.Id);

        var refused = Assert.IsType<CommandResult.Refused>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Start)));

        Assert.Equal(RefusalCode.VmDeleted, refused.Decision.Code);
        Assert.Empty(refused.Decision.AllowedActions);
    }

    private static async Task WaitUntil(Func<Task<bool>> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "The condition did not hold within 30 s.");
            await Task.Delay(50);
        }
    }
}
