using static VmControl.Domain.VmAction;
using static VmControl.Domain.VmState;

namespace VmControl.Domain.Tests;

/// <summary>Column "on success → vm_state" of docs/lifecycle.md §1, one row per (action, allowed state).</summary>
public sealed class LifecycleOnSuccessTests
{
    /// <summary>(action, vm_state, state before the resize or null, expected vm_state), typed from the doc.</summary>
    public static TheoryData<VmAction, VmState, VmState?, VmState> Rows => new()
    {
        { Create, Initialized, null, Active },
        { Start, Stopped, null, Active },
        { Stop, Active, null, Stopped },
        { Reboot, Active, null, Active },
        { RebootHard, Active, null, Active },
        { RebootHard, Stopped, null, Active },
        { RebootHard, Paused, null, Active },
        { RebootHard, Suspended, null, Active },
        { Pause, Active, null, Paused },
        { Unpause, Paused, null, Active },
        { Suspend, Active, null, Suspended },
        { Resume, Suspended, null, Active },
        { Rescue, Active, null, Rescued },
        { Rescue, Stopped, null, Rescued },
        { Unrescue, Rescued, null, Active },
        { Resize, Active, null, Resized },
        { Resize, Stopped, null, Resized },
        { ConfirmResize, Resized, Active, Active },
        { ConfirmResize, Resized, Stopped, Stopped },
        { RevertResize, Resized, Active, Active },
        { RevertResize, Resized, Stopped, Stopped },
        { Rebuild, Active, null, Active },
        { Rebuild, Stopped, null, Stopped },
        { Snapshot, Active, null, Active },
        { Snapshot, Stopped, null, Stopped },
        { Snapshot, Paused, null, Paused },
        { Snapshot, Suspended, null, Suspended },
        { Backup, Active, null, Active },
        { Backup, Stopped, null, Stopped },
        { Backup, Paused, null, Paused },
        { Backup, Suspended, null, Suspended },
        { Migrate, Active, null, Active },
        { Migrate, Paused, null, Paused },
        { SoftDelete, Active, null, SoftDeleted },
        { SoftDelete, Stopped, null, SoftDeleted },
        { SoftDelete, Paused, null, SoftDeleted },
        { SoftDelete, Suspended, null, SoftDeleted },
        { SoftDelete, Rescued, null, SoftDeleted },
        { SoftDelete, Resized, Stopped, SoftDeleted },
        { Restore, SoftDeleted, null, Active },
        { Delete, Initialized, null, HardDeleted },
        { Delete, Active, null, HardDeleted },
        { Delete, Rescued, null, HardDeleted },
        { Delete, Paused, null, HardDeleted },
        { Delete, Suspended, null, HardDeleted },
        { Delete, Stopped, null, HardDeleted },
        { Delete, SoftDeleted, null, HardDeleted },
        { Delete, Resized, Active, HardDeleted },
        { Delete, Error, null, HardDeleted },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void OnSuccess_AllowedState_SetsTheDocsVmStateAndClearsTheTask(VmAction action, VmState from, VmState? beforeResize, VmState expected)
    {
        var vm = new VmStatus(from, DocTable.TaskOf(action), PowerState.Running, beforeResize);

        var after = Lifecycle.OnSuccess(vm, action);

        Assert.Equal(expected, after.VmState);
        Assert.Null(after.TaskState);
    }

    [Fact]
    public void Rows_CoverEveryAllowedPairOfTheDoc()
    {
        var covered = Rows.Select(r => ((VmAction)r[0], (VmState)r[1])).ToHashSet();
        var allowed = DocTable.AllowedFrom.SelectMany(kv => kv.Value.Select(s => (kv.Key, s)));

        Assert.All(allowed, pair => Assert.Contains(pair, covered));
    }

    [Theory]
    [InlineData(Active)]
    [InlineData(Stopped)]
    public void OnSuccess_Resize_RemembersTheStateBeforeTheResize(VmState from)
    {
        var after = Lifecycle.OnSuccess(new VmStatus(from, TaskState.ResizeMigrating), Resize);

        Assert.Equal(from, after.StateBeforeResize);
    }

    [Theory]
    [InlineData(ConfirmResize)]
    [InlineData(RevertResize)]
    [InlineData(SoftDelete)]
    [InlineData(Delete)]
    public void OnSuccess_LeavingResized_ForgetsTheStateBeforeTheResize(VmAction action)
    {
        var after = Lifecycle.OnSuccess(new VmStatus(Resized, DocTable.TaskOf(action), StateBeforeResize: Stopped), action);

        Assert.Null(after.StateBeforeResize);
    }

    [Fact]
    public void OnSuccess_Always_KeepsThePowerStateTheHypervisorReported()
    {
        var after = Lifecycle.OnSuccess(new VmStatus(Active, TaskState.PoweringOff, PowerState.Crashed), Stop);

        Assert.Equal(PowerState.Crashed, after.PowerState);
    }
}
