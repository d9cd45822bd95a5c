using VmControl.Application.Events;

namespace VmControl.Storage.Tests;

/// <summary>
/// The outbox rows beside the records (docs/events.md): written in the transaction of the change that causes them, never
/// without it, never seen by a record query, and settled by deleting them.
/// </summary>
public sealed class OutboxTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Create_WritesTheCreatedEventInTheVmsPartition_AndHandsItToTheSink()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm());

        var waiting = await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id);

        var created = Assert.Single(waiting);
        Assert.Equal(EventTypes.VmCreated, created.Event.Type);
        Assert.Equal(VmEvent.SubjectOf(vm.Id), created.Event.Subject);
        Assert.Contains(azurite.Sink.CommittedEntries, e => e.Event.Id == created.Event.Id);
    }

    [Fact]
    public async Task StatusChange_PublishesStateAndPowerEvents_WithTheStatusesBeforeAndAfter()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm(VmState.Active, PowerState.Running));

        var written = await azurite.Vms.TryReplaceAsync(vm with { VmState = VmState.Stopped, PowerState = PowerState.Shutdown });

        Assert.NotNull(written);
        var events = (await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id)).Select(e => e.Event).ToList();
        Assert.Equal([EventTypes.VmCreated, EventTypes.VmStateChanged, EventTypes.VmPowerChanged], events.Select(e => e.Type));
        Assert.Contains("\"before\":{\"vmState\":\"active\",\"taskState\":null,\"powerState\":\"running\"}", events[1].Data, StringComparison.Ordinal);
        Assert.Contains("\"after\":{\"vmState\":\"stopped\",\"taskState\":null,\"powerState\":\"shutdown\"}", events[1].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteThatChangesNoStatus_PublishesNothing()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm());

        await azurite.Vms.TryReplaceAsync(vm with { Name = "renamed", DriftPasses = 2 });

        Assert.Single(await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id));
    }

    [Fact]
    public async Task LostCompareAndSwap_WritesNoEvent_AndTellsTheSinkNothing()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm());
        var winner = await azurite.Vms.TryReplaceAsync(vm with { TaskState = TaskState.PoweringOff, CurrentActionId = "a1" });
        var committedBefore = azurite.Sink.CommittedEntries.Count(e => e.Partition == vm.Id);

        var loser = await azurite.Vms.TryReplaceAsync(vm with { VmState = VmState.Error });

        Assert.NotNull(winner);
        Assert.Null(loser);
        var types = (await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id)).Select(e => e.Event.Type);
        Assert.Equal([EventTypes.VmCreated, EventTypes.VmStateChanged], types);
        Assert.Equal(committedBefore, azurite.Sink.CommittedEntries.Count(e => e.Partition == vm.Id));
        Assert.Equal(VmState.Active, (await azurite.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Fact]
    public async Task RecordQueries_NeverReturnOutboxRows()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm() with { Name = "outbox-listing" });
        var action = TestData.Action(vm.Id, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        await azurite.Actions.AppendAsync(action);

        var vms = await azurite.Vms.ListAsync(new VmQuery(NamePrefix: "outbox-listing", Limit: 100));
        var all = await azurite.Vms.ListAsync(new VmQuery(Limit: 1000));
        var actions = await azurite.Actions.ListAsync(vm.Id, 100, null);

        Assert.Equal(vm.Id, Assert.Single(vms.Items).Id);
        Assert.All(all.Items, v => Assert.True(VmIds.IsValid(v.Id)));
        Assert.Equal(action.Id, Assert.Single(actions.Items).Id);
        Assert.NotEmpty(await azurite.Outbox.ReadPendingAsync(OutboxTable.Actions, vm.Id));
    }

    [Fact]
    public async Task ActionSteps_PublishAcceptedStartedAndTheirEnd_OncePerStep()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm());
        var action = TestData.Action(vm.Id, VmAction.Stop, TaskState.PoweringOff, TestData.Now) with { RequestedBy = "alice", Project = "blue" };
        var row = await azurite.Actions.AppendAsync(action);
        var started = await azurite.Actions.RecordAsync(vm.Id, action.Id, new ActionChange(StartedAt: TestData.Now.AddSeconds(1)), row);

        // The same start again (a re-run activity) adds nothing; then the end.
        await azurite.Actions.RecordAsync(vm.Id, action.Id, new ActionChange(StartedAt: TestData.Now.AddSeconds(2)), started);
        await azurite.Actions.RecordAsync(
            vm.Id, action.Id, new ActionChange(End: new ActionEnd(ActionStatus.Failed, VmState.Active, new ActionError("hypervisor_error", "no"), TestData.Now.AddSeconds(3))));

        var events = (await azurite.Outbox.ReadPendingAsync(OutboxTable.Actions, vm.Id)).Select(e => e.Event).ToList();
        Assert.Equal([EventTypes.ActionAccepted, EventTypes.ActionStarted, EventTypes.ActionFailed], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal("blue", e.Project));
        Assert.All(events, e => Assert.Contains("\"actor\":\"alice\"", e.Data, StringComparison.Ordinal));
        Assert.Contains("\"error\":{\"code\":\"hypervisor_error\",\"message\":\"no\"}", events[2].Data, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AlertLifecycle_PublishesOpenedAcknowledgedResolved_AndBumpsPublishNothing()
    {
        var vmId = VmIds.New();
        var observation = new AlertRecord
        {
            Id = string.Empty,
            VmId = vmId,
            Kind = AlertKind.PowerMismatch,
            Project = "blue",
            FirstSeenAt = TestData.Now,
            LastSeenAt = TestData.Now,
            Message = "running but stopped",
        };

        var (opened, _) = await azurite.Alerts.OpenOrBumpAsync(observation);
        await azurite.Alerts.OpenOrBumpAsync(observation with { LastSeenAt = TestData.Now.AddMinutes(1) });
        await azurite.Alerts.AcknowledgeAsync(opened.Id, "on it", "alice", TestData.Now.AddMinutes(2));
        await azurite.Alerts.ResolveAsync(vmId, AlertKind.PowerMismatch, TestData.Now.AddMinutes(3));

        var events = (await azurite.Outbox.ReadPendingAsync(OutboxTable.Alerts, vmId)).Select(e => e.Event).ToList();
        Assert.Equal([EventTypes.AlertOpened, EventTypes.AlertAcknowledged, EventTypes.AlertResolved], events.Select(e => e.Type));
        Assert.All(events, e => Assert.Equal(VmEvent.SubjectOf(vmId), e.Subject));
        Assert.Contains("\"acknowledgedBy\":\"alice\"", events[1].Data, StringComparison.Ordinal);
        Assert.Equal(opened.Id, Assert.Single((await azurite.Alerts.ListAsync(new AlertQuery(VmId: vmId))).Items).Id);
    }

    [Fact]
    public async Task Settle_RemovesTheRows_AndSettlingAgainIsFine()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm());
        await azurite.Vms.TryReplaceAsync(vm with { PowerState = PowerState.Paused });
        var waiting = await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id);

        await azurite.Outbox.SettleAsync(waiting);
        await azurite.Outbox.SettleAsync(waiting);
        await azurite.Outbox.SettleAsync([waiting[0]]);

        Assert.Equal(2, waiting.Count);
        Assert.Empty(await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id));
        Assert.NotNull(await azurite.Vms.GetAsync(vm.Id));
    }

    [Fact]
    public async Task EventsOfOneSubject_SortByIdInCommitOrder()
    {
        var vm = await azurite.Vms.CreateAsync(TestData.Vm(VmState.Active, PowerState.Running));
        var current = vm;
        foreach (var power in new[] { PowerState.Paused, PowerState.Running, PowerState.Shutdown, PowerState.Running })
        {
            current = (await azurite.Vms.TryReplaceAsync(current with { PowerState = power }))!;
        }

        var committed = azurite.Sink.Of(VmEvent.SubjectOf(vm.Id));
        var stored = await azurite.Outbox.ReadPendingAsync(OutboxTable.Vms, vm.Id);

        Assert.Equal(5, committed.Count);
        Assert.Equal(committed.Select(e => e.Id), stored.Select(e => e.Event.Id));
        Assert.Equal(committed.Select(e => e.Id).Order(StringComparer.Ordinal), committed.Select(e => e.Id));
    }

    [Fact]
    public async Task Watermark_ReadsBackWhatWasWritten()
    {
        await azurite.Outbox.WriteWatermarkAsync(TestData.Now);

        Assert.Equal(TestData.Now, await azurite.Outbox.ReadWatermarkAsync());
        Assert.DoesNotContain(
            (await azurite.Vms.ListAsync(new VmQuery(Limit: 1000))).Items, v => !VmIds.IsValid(v.Id));
    }
}
