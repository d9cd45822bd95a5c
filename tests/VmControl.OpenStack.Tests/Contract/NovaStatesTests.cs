using VmControl.OpenStack.Compute;

namespace VmControl.OpenStack.Tests.Contract;

/// <summary>Nova's <c>_STATE_MAP</c> over every VmControl state, and the spellings (docs/openstack.md's table).</summary>
public sealed class NovaStatesTests
{
    [Theory]
    [InlineData(VmState.Initialized, null, "BUILD")]
    [InlineData(VmState.Active, null, "ACTIVE")]
    [InlineData(VmState.Active, TaskState.Rebooting, "REBOOT")]
    [InlineData(VmState.Active, TaskState.RebootingHard, "HARD_REBOOT")]
    [InlineData(VmState.Active, TaskState.Rebuilding, "REBUILD")]
    [InlineData(VmState.Active, TaskState.Migrating, "MIGRATING")]
    [InlineData(VmState.Active, TaskState.ResizeMigrating, "RESIZE")]
    [InlineData(VmState.Active, TaskState.PoweringOff, "ACTIVE")]
    [InlineData(VmState.Stopped, null, "SHUTOFF")]
    [InlineData(VmState.Stopped, TaskState.ResizeMigrating, "RESIZE")]
    [InlineData(VmState.Stopped, TaskState.Rebuilding, "REBUILD")]
    [InlineData(VmState.Stopped, TaskState.RebootingHard, "SHUTOFF")]
    [InlineData(VmState.Resized, null, "VERIFY_RESIZE")]
    [InlineData(VmState.Resized, TaskState.ResizeReverting, "REVERT_RESIZE")]
    [InlineData(VmState.Resized, TaskState.ResizeConfirming, "VERIFY_RESIZE")]
    [InlineData(VmState.Paused, null, "PAUSED")]
    [InlineData(VmState.Paused, TaskState.Migrating, "MIGRATING")]
    [InlineData(VmState.Suspended, null, "SUSPENDED")]
    [InlineData(VmState.Rescued, null, "RESCUE")]
    [InlineData(VmState.Error, null, "ERROR")]
    [InlineData(VmState.Error, TaskState.Rebuilding, "REBUILD")]
    [InlineData(VmState.SoftDeleted, null, "SOFT_DELETED")]
    [InlineData(VmState.SoftDeleted, TaskState.Restoring, "SOFT_DELETED")]
    [InlineData(VmState.HardDeleted, null, "DELETED")]
    public void Status_follows_novas_state_map(VmState vmState, TaskState? task, string status) =>
        Assert.Equal(status, NovaStates.Status(vmState, task));

    [Fact]
    public void An_unmapped_vm_state_is_unknown() => Assert.Equal("UNKNOWN", NovaStates.Status("bogus", null));

    [Theory]
    [InlineData(TaskState.PoweringOff, "powering-off")]
    [InlineData(TaskState.PoweringOn, "powering-on")]
    [InlineData(TaskState.SoftDeleting, "soft-deleting")]
    [InlineData(TaskState.RebootingHard, "rebooting_hard")]
    [InlineData(TaskState.ResizeMigrating, "resize_migrating")]
    [InlineData(TaskState.ImageSnapshot, "image_snapshot")]
    public void Task_states_are_spelled_as_nova(TaskState task, string nova) => Assert.Equal(nova, NovaStates.TaskState(task));

    [Theory]
    [InlineData(VmState.Initialized, "building")]
    [InlineData(VmState.SoftDeleted, "soft-delete")]
    [InlineData(VmState.HardDeleted, "deleted")]
    [InlineData(VmState.Stopped, "stopped")]
    public void Vm_states_are_spelled_as_nova(VmState state, string nova) => Assert.Equal(nova, NovaStates.VmState(state));
}
