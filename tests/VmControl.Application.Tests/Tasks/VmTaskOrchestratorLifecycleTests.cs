namespace VmControl.Application.Tests.Tasks;

/// <summary>Every action succeeding from each state it is allowed from, through the real engine and the simulated hypervisor.</summary>
public sealed class VmTaskOrchestratorLifecycleTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    // Expected vm_state and power after success, typed from docs/lifecycle.md §1 (not read from LifecycleTable).
    public static TheoryData<string, string, string, string> Rows => new()
    {
        { "start", "stopped", "active", "running" },
        { "stop", "active", "stopped", "shutdown" },
        { "reboot", "active", "active", "running" },
        { "reboot_hard", "active", "active", "running" },
        { "reboot_hard", "stopped", "active", "running" },
        { "reboot_hard", "paused", "active", "running" },
        { "reboot_hard", "suspended", "active", "running" },
        { "pause", "active", "paused", "paused" },
        { "unpause", "paused", "active", "running" },
        { "suspend", "active", "suspended", "suspended" },
        { "resume", "suspended", "active", "running" },
        { "rescue", "active", "rescued", "running" },
        { "rescue", "stopped", "rescued", "running" },
        { "unrescue", "rescued", "active", "running" },
        { "resize", "active", "resized", "running" },
        { "resize", "stopped", "resized", "shutdown" },
        { "confirm_resize", "resized", "active", "running" },
        { "revert_resize", "resized", "active", "running" },
        { "rebuild", "active", "active", "running" },
        { "rebuild", "stopped", "stopped", "shutdown" },
        { "snapshot", "active", "active", "running" },
        { "snapshot", "stopped", "stopped", "shutdown" },
        { "snapshot", "paused", "paused", "paused" },
        { "snapshot", "suspended", "suspended", "suspended" },
        { "backup", "active", "active", "running" },
        { "backup", "suspended", "suspended", "suspended" },
        { "migrate", "active", "active", "running" },
        { "migrate", "paused", "paused", "paused" },
        { "soft_delete", "active", "soft_deleted", "shutdown" },
        { "soft_delete", "stopped", "soft_deleted", "shutdown" },
        { "soft_delete", "paused", "soft_deleted", "shutdown" },
        { "soft_delete", "suspended", "soft_deleted", "shutdown" },
        { "soft_delete", "rescued", "soft_deleted", "shutdown" },
        { "soft_delete", "resized", "soft_deleted", "shutdown" },
        { "restore", "soft_deleted", "active", "running" },
        { "delete", "active", "hard_deleted", "nostate" },
        { "delete", "stopped", "hard_deleted", "nostate" },
        { "delete", "soft_deleted", "hard_deleted", "nostate" },
        { "delete", "error", "hard_deleted", "nostate" },
    };

    [Fact]
    public async Task Create_OnTheSimulator_BuildsAnActiveRunningVm()
    {
        var vm = await system.CreateActiveVmAsync();

        Assert.Equal(VmState.Active, vm.VmState);
        Assert.Equal(PowerState.Running, vm.PowerState);
        Assert.Null(vm.TaskState);
        var action = await system.WaitFinishedAsync(vm.Id, vm.CurrentActionId!);
        Assert.Equal(ActionStatus.Succeeded, action.Status);
        Assert.Equal(VmState.Initialized, action.VmStateBefore);
        Assert.Equal(VmState.Active, action.VmStateAfter);
        Assert.Contains(action.Events, e => e.Step == "hypervisor.begin");
        Assert.Contains(action.Events, e => e.Step == "task.succeeded");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Action_FromAllowedState_SucceedsWithTheDocumentedOutcome(string action, string from, string expectedVmState, string expectedPower)
    {
        var vm = await system.CreateActiveVmAsync();
        await Reach(vm.Id, from);
        Assert.True(WireNames.TryParse<VmAction>(action, out var verb));

        var parameters = verb switch
        {
            VmAction.Resize => new Dictionary<string, string> { ["size"] = "large" },
            VmAction.Snapshot or VmAction.Backup => new Dictionary<string, string> { ["name"] = "snap1" },
            _ => null,
        };
        var record = await system.RunAsync(vm.Id, verb, parameters);

        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(ActionStatus.Succeeded, record.Status);
        Assert.NotNull(record.StartedAt);
        Assert.True(record.StartedAt <= record.FinishedAt, $"started {record.StartedAt:O} after it finished {record.FinishedAt:O}");
        Assert.Equal(expectedVmState, after!.VmState.ToWire());
        Assert.Equal(expectedPower, after.PowerState.ToWire());
        Assert.Null(after.TaskState);
        Assert.Equal(expectedVmState, record.VmStateAfter?.ToWire());
    }

    [Fact]
    public async Task ResizeThenRevert_RestoresTheOldSize_AndConfirmKeepsTheNewOne()
    {
        var reverted = await system.CreateActiveVmAsync("revert");
        await system.RunAsync(reverted.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });
        Assert.Equal("large", (await system.Vms.GetAsync(reverted.Id))!.Size);
        await system.RunAsync(reverted.Id, VmAction.RevertResize);
        Assert.Equal("small", (await system.Vms.GetAsync(reverted.Id))!.Size);

        var confirmed = await system.CreateActiveVmAsync("confirm");
        await system.RunAsync(confirmed.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });
        await system.RunAsync(confirmed.Id, VmAction.ConfirmResize);
        var after = await system.Vms.GetAsync(confirmed.Id);
        Assert.Equal("large", after!.Size);
        Assert.Null(after.SizeBeforeResize);
    }

    private async Task Reach(string vmId, string state)
    {
        switch (state)
        {
            case "active":
                return;
            case "error":
                await system.Commands.ResetStateAsync(new(vmId, "error", "test"));
                return;
            case "resized":
                await system.RunAsync(vmId, VmAction.Resize, new Dictionary<string, string> { ["size"] = "medium" });
                return;
            default:
                var via = state switch
                {
                    "stopped" => VmAction.Stop,
                    "paused" => VmAction.Pause,
                    "suspended" => VmAction.Suspend,
                    "rescued" => VmAction.Rescue,
                    "soft_deleted" => VmAction.SoftDelete,
                    _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
                };
                var reached = await system.RunAsync(vmId, via);
                Assert.Equal(ActionStatus.Succeeded, reached.Status);
                return;
        }
    }
}
