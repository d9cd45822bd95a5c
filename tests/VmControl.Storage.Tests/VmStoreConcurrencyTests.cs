namespace VmControl.Storage.Tests;

public sealed class VmStoreConcurrencyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IVmStore store = azurite.Vms;

    [Fact]
    public async Task TwentyParallelClaimsOfOneIdleVm_ExactlyOneWins()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var claims = Enumerable.Range(0, 20).Select(async i =>
        {
            var seen = await store.GetAsync(vm.Id);
            var actionId = ActionIds.New(TestData.Now.AddSeconds(i));
            var won = await new TaskLock(store).TryClaimAsync(seen!, TaskState.PoweringOff, actionId, TestData.Now, deadline: null);
            return (actionId, won);
        });

        var results = await Task.WhenAll(claims);

        var winners = results.Where(r => r.won is not null).ToList();
        Assert.Single(winners);
        Assert.Equal(19, results.Count(r => r.won is null));
        var stored = await store.GetAsync(vm.Id);
        Assert.Equal(TaskState.PoweringOff, stored!.TaskState);
        Assert.Equal(winners[0].actionId, stored.CurrentActionId);
        Assert.Equal(winners[0].won!.ETag, stored.ETag);
    }

    [Fact]
    public async Task UpdateIfTask_StaleExpectedTaskState_ChangesNothing()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var actionId = ActionIds.New(TestData.Now);
        var claimed = await new TaskLock(store).TryClaimAsync(vm, TaskState.PoweringOff, actionId, TestData.Now, deadline: null);
        Assert.NotNull(claimed);

        var wrongTask = await new TaskLock(store).UpdateIfHeldAsync(vm.Id, TaskState.Rebooting, actionId, r => r with { VmState = VmState.Error });
        var wrongAction = await new TaskLock(store).UpdateIfHeldAsync(
            vm.Id, TaskState.PoweringOff, ActionIds.New(TestData.Now), r => r with { VmState = VmState.Error });

        Assert.Null(wrongTask);
        Assert.Null(wrongAction);
        var stored = await store.GetAsync(vm.Id);
        VmAssert.Same(claimed, stored);
    }

    [Fact]
    public async Task TryReplace_StaleETag_ReturnsNullAndChangesNothing()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var first = await store.TryReplaceAsync(vm with { Name = "first" });

        var second = await store.TryReplaceAsync(vm with { Name = "second" });

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("first", (await store.GetAsync(vm.Id))!.Name);
    }

    [Fact]
    public async Task ForceDeleting_PreemptsARunningTask_WhoseNextWriteThenFails()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var stopId = ActionIds.New(TestData.Now);
        Assert.NotNull(await new TaskLock(store).TryClaimAsync(vm, TaskState.PoweringOff, stopId, TestData.Now, deadline: null));

        var deleteId = ActionIds.New(TestData.Now.AddSeconds(1));
        var forced = await new TaskLock(store).ForceDeletingAsync(vm.Id, deleteId, TestData.Now.AddSeconds(1), deadline: null);
        var stopWrite = await new TaskLock(store).UpdateIfHeldAsync(
            vm.Id, TaskState.PoweringOff, stopId, r => r with { VmState = VmState.Stopped, TaskState = null });

        Assert.NotNull(forced);
        Assert.Equal(TaskState.PoweringOff, forced.Value.Before.TaskState);
        Assert.Null(stopWrite);
        var stored = await store.GetAsync(vm.Id);
        Assert.Equal(TaskState.Deleting, stored!.TaskState);
        Assert.Equal(deleteId, stored.CurrentActionId);
        Assert.Equal(VmState.Active, stored.VmState);
    }

    [Fact]
    public async Task ClaimAndRelease_LeavesTheVmIdleWithTheNewState()
    {
        var vm = await store.CreateAsync(TestData.Vm());
        var actionId = ActionIds.New(TestData.Now);
        await new TaskLock(store).TryClaimAsync(vm, TaskState.PoweringOff, actionId, TestData.Now, TestData.Now.AddMinutes(10));

        var released = await new TaskLock(store).UpdateIfHeldAsync(
            vm.Id, TaskState.PoweringOff, actionId, r => r with { VmState = VmState.Stopped, TaskState = null, TaskDeadline = null });

        Assert.NotNull(released);
        VmAssert.Same(released, await store.GetAsync(vm.Id));
        Assert.Null(released.TaskState);
        Assert.Equal(VmState.Stopped, released.VmState);
    }
}
