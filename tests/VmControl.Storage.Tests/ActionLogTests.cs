namespace VmControl.Storage.Tests;

public sealed class ActionLogTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly IActionLog log = azurite.Actions;
    private readonly IVmStore vms = azurite.Vms;

    [Fact]
    public async Task ActionHistory_SurvivesHardDelete_NewestFirst()
    {
        var vm = await vms.CreateAsync(TestData.Vm());
        var stop = TestData.Action(vm.Id, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        var start = TestData.Action(vm.Id, VmAction.Start, TaskState.PoweringOn, TestData.Now.AddMinutes(1));
        var delete = TestData.Action(vm.Id, VmAction.Delete, TaskState.Deleting, TestData.Now.AddMinutes(2));
        foreach (var action in new[] { stop, start, delete })
        {
            await log.AppendAsync(action);
        }

        await new TaskLock(vms).ForceDeletingAsync(vm.Id, delete.Id, TestData.Now.AddMinutes(2), deadline: null);
        await new TaskLock(vms).UpdateIfHeldAsync(vm.Id, TaskState.Deleting, delete.Id, r => r with { VmState = VmState.HardDeleted, TaskState = null });
        await log.FinishAsync(vm.Id, delete.Id, ActionStatus.Succeeded, VmState.HardDeleted, error: null, TestData.Now.AddMinutes(3));

        var history = await log.ListAsync(vm.Id, 10, continuationToken: null);

        Assert.Equal(VmState.HardDeleted, (await vms.GetAsync(vm.Id))!.VmState);
        Assert.Equal([delete.Id, start.Id, stop.Id], history.Items.Select(a => a.Id));
        Assert.Equal(ActionStatus.Succeeded, history.Items[0].Status);
        Assert.Null(history.ContinuationToken);
    }

    [Fact]
    public async Task List_PagesNewestFirst()
    {
        var vmId = VmIds.New();
        var ids = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var action = TestData.Action(vmId, VmAction.Reboot, TaskState.Rebooting, TestData.Now.AddSeconds(i));
            ids.Insert(0, action.Id);
            await log.AppendAsync(action);
        }

        var first = await log.ListAsync(vmId, 3, null);
        var second = await log.ListAsync(vmId, 3, first.ContinuationToken);

        Assert.Equal(ids, first.Items.Concat(second.Items).Select(a => a.Id));
        Assert.Null(second.ContinuationToken);
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => log.ListAsync(VmIds.New(), 3, first.ContinuationToken));
    }

    [Fact]
    public async Task Get_ReturnsFieldsAndEventsInOrder()
    {
        var vmId = VmIds.New();
        var action = TestData.Action(vmId, VmAction.Resize, TaskState.ResizeMigrating, TestData.Now) with
        {
            RequestedBy = "alice",
            RequestId = "req-0b5e7c1a",
            Parameters = new Dictionary<string, string> { ["size"] = "Standard_D4s_v5" },
        };
        await log.AppendAsync(action);
        await log.MarkStartedAsync(vmId, action.Id, TestData.Now.AddSeconds(1));
        await log.MarkStartedAsync(vmId, action.Id, TestData.Now.AddSeconds(9));
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            log.AddEventAsync(vmId, action.Id, new ActionEvent($"hypervisor.poll.{i}", TestData.Now.AddSeconds(2 + i), "ok"))));
        await log.FinishAsync(vmId, action.Id, ActionStatus.Failed, VmState.Error, new ActionError("hypervisor", "disk lost"), TestData.Now.AddMinutes(1));
        await log.FinishAsync(vmId, action.Id, ActionStatus.Succeeded, VmState.Resized, error: null, TestData.Now.AddMinutes(2));

        var read = await log.GetAsync(vmId, action.Id);

        Assert.NotNull(read);
        Assert.Equal(TestData.Now.AddSeconds(1), read.StartedAt);
        Assert.Equal(ActionStatus.Failed, read.Status);
        Assert.Equal(VmState.Error, read.VmStateAfter);
        Assert.Equal(new ActionError("hypervisor", "disk lost"), read.Error);
        Assert.Equal(TestData.Now.AddMinutes(1), read.FinishedAt);
        Assert.Equal("alice", read.RequestedBy);
        Assert.Equal("req-0b5e7c1a", read.RequestId);
        Assert.Equal(action.Parameters, read.Parameters);
        Assert.Equal([.. Enumerable.Range(0, 10).Select(i => $"hypervisor.poll.{i}"), "task.failed"], read.Events.Select(e => e.Step));
    }

    [Theory]
    [InlineData("4bf92f3577b34da6a3ce929d0e0e4736")]
    [InlineData(null)]
    public async Task TraceId_RoundTripsThroughTheTaskStepsOnGetAndList(string? traceId)
    {
        var vmId = VmIds.New();
        var action = TestData.Action(vmId, VmAction.Stop, TaskState.PoweringOff, TestData.Now) with { TraceId = traceId };
        await log.AppendAsync(action);
        await log.MarkStartedAsync(vmId, action.Id, TestData.Now.AddSeconds(1));
        await log.FinishAsync(vmId, action.Id, ActionStatus.Succeeded, VmState.Stopped, error: null, TestData.Now.AddSeconds(5));

        var read = await log.GetAsync(vmId, action.Id);
        var listed = await log.ListAsync(vmId, 10, null);

        Assert.Equal((traceId, traceId), (read?.TraceId, Assert.Single(listed.Items).TraceId));
    }

    [Fact]
    public async Task Record_WithAStaleKnownState_ReadsAgainAndTheFirstEndStands()
    {
        var vmId = VmIds.New();
        var action = TestData.Action(vmId, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        var appended = await log.AppendAsync(action);
        var started = await log.RecordAsync(
            vmId, action.Id, new ActionChange(TestData.Now.AddSeconds(1), [new ActionEvent(ActionChange.StartedStep, TestData.Now.AddSeconds(1), "ok")]), appended);

        // A hard delete ends the action (as pre-empted) while the task still holds the state it wrote before.
        await log.FinishAsync(vmId, action.Id, ActionStatus.Preempted, null, new ActionError("preempted", "delete"), TestData.Now.AddSeconds(2));
        var stored = await log.RecordAsync(
            vmId,
            action.Id,
            new ActionChange(
                Events: [new ActionEvent("hypervisor.complete", TestData.Now.AddSeconds(3), "ok")],
                End: new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, TestData.Now.AddSeconds(4))),
            started);

        var read = await log.GetAsync(vmId, action.Id);
        Assert.NotEqual(started.ETag, stored.ETag);
        Assert.Equal(ActionStatus.Preempted, stored.Status);
        Assert.Equal(ActionStatus.Preempted, read!.Status);
        Assert.Null(read.VmStateAfter);
        Assert.Equal(TestData.Now.AddSeconds(1), read.StartedAt);
        Assert.Equal([ActionChange.StartedStep, "task.preempted", "hypervisor.complete"], read.Events.Select(e => e.Step));
    }

    [Fact]
    public async Task Record_WithTheKnownState_WritesOnceAndReturnsTheNewETag()
    {
        var vmId = VmIds.New();
        var action = TestData.Action(vmId, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        var appended = await log.AppendAsync(action);

        var stored = await log.RecordAsync(
            vmId,
            action.Id,
            new ActionChange(
                TestData.Now.AddSeconds(1),
                [new ActionEvent(ActionChange.StartedStep, TestData.Now.AddSeconds(1), "ok"), new ActionEvent("hypervisor.begin", TestData.Now.AddSeconds(1), "ok", "op-1")],
                new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, TestData.Now.AddSeconds(2))),
            appended);
        var again = await log.RecordAsync(vmId, action.Id, new ActionChange(End: new ActionEnd(ActionStatus.Failed, VmState.Error, null, TestData.Now.AddSeconds(3))), stored);

        var read = await log.GetAsync(vmId, action.Id);
        Assert.Equal(stored, again);
        Assert.Equal(ActionStatus.Succeeded, read!.Status);
        Assert.Equal(VmState.Stopped, read.VmStateAfter);
        Assert.Equal(TestData.Now.AddSeconds(2), read.FinishedAt);
        Assert.Equal([ActionChange.StartedStep, "hypervisor.begin", "task.succeeded"], read.Events.Select(e => e.Step));
        Assert.Empty((await log.ListAsync(vmId, 10, null)).Items.Single().Events);
    }

    [Fact]
    public async Task Get_UnknownOrMalformedIds_ReturnsNull()
    {
        Assert.Null(await log.GetAsync(VmIds.New(), ActionIds.New(TestData.Now)));
        Assert.Null(await log.GetAsync("' or true or '", "x"));
    }
}
