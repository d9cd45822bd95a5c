using System.Collections.Frozen;
using static VmControl.Domain.VmState;

namespace VmControl.Domain;

/// <summary>
/// The lifecycle of docs/lifecycle.md §1 as one table of data. Every decision (<see cref="Lifecycle"/>), the API's
/// <c>GET /api/lifecycle</c> and the state diagram are derived from these rows.
/// </summary>
public static class LifecycleTable
{
    private static readonly VmState[] AllButDeleted = [.. Enum.GetValues<VmState>().Where(s => s is not HardDeleted)];

    public static IReadOnlyList<ActionRule> Rules { get; } =
    [
        Row(VmAction.Create, TaskState.Spawning, [Initialized], SuccessRule.To, Active, "running", FailureRule.Error),
        Row(VmAction.Start, TaskState.PoweringOn, [Stopped], SuccessRule.To, Active, "running", FailureRule.Unchanged),
        Row(VmAction.Stop, TaskState.PoweringOff, [Active], SuccessRule.To, Stopped, "shutdown", FailureRule.Unchanged),
        Row(VmAction.Reboot, TaskState.Rebooting, [Active], SuccessRule.To, Active, "running", FailureRule.ErrorIfNotRunning),
        Row(VmAction.RebootHard, TaskState.RebootingHard, [Active, Stopped, Paused, Suspended], SuccessRule.To, Active, "running", FailureRule.ErrorIfNotRunning),
        Row(VmAction.Pause, TaskState.Pausing, [Active], SuccessRule.To, Paused, "paused", FailureRule.Unchanged),
        Row(VmAction.Unpause, TaskState.Unpausing, [Paused], SuccessRule.To, Active, "running", FailureRule.Unchanged),
        Row(VmAction.Suspend, TaskState.Suspending, [Active], SuccessRule.To, Suspended, "suspended or shutdown", FailureRule.Unchanged),
        Row(VmAction.Resume, TaskState.Resuming, [Suspended], SuccessRule.To, Active, "running", FailureRule.Unchanged),
        Row(VmAction.Rescue, TaskState.Rescuing, [Active, Stopped], SuccessRule.To, Rescued, "running", FailureRule.Error),
        Row(VmAction.Unrescue, TaskState.Unrescuing, [Rescued], SuccessRule.To, Active, "running", FailureRule.Error),
        Row(VmAction.Resize, TaskState.ResizeMigrating, [Active, Stopped], SuccessRule.To, Resized, "as before the resize", FailureRule.ErrorIfStarted),
        Row(VmAction.ConfirmResize, TaskState.ResizeConfirming, [Resized], SuccessRule.ToTargetOrStoppedIfStopped, Active, "unchanged", FailureRule.Error),
        Row(VmAction.RevertResize, TaskState.ResizeReverting, [Resized], SuccessRule.ToStateBeforeResize, Active, "as before the resize", FailureRule.Error),
        Row(VmAction.Rebuild, TaskState.Rebuilding, [Active, Stopped], SuccessRule.ToTargetOrStoppedIfStopped, Active, "running, or shutdown if it was stopped", FailureRule.Error),
        Row(VmAction.Snapshot, TaskState.ImageSnapshot, [Active, Stopped, Paused, Suspended], SuccessRule.Unchanged, null, "unchanged", FailureRule.Unchanged),
        Row(VmAction.Backup, TaskState.ImageBackup, [Active, Stopped, Paused, Suspended], SuccessRule.Unchanged, null, "unchanged", FailureRule.Unchanged),
        Row(VmAction.Migrate, TaskState.Migrating, [Active, Paused], SuccessRule.Unchanged, null, "unchanged", FailureRule.ErrorIfStarted),
        Row(VmAction.SoftDelete, TaskState.SoftDeleting, [Active, Stopped, Paused, Suspended, Rescued, Resized], SuccessRule.To, SoftDeleted, "shutdown", FailureRule.Unchanged),
        Row(VmAction.Restore, TaskState.Restoring, [SoftDeleted], SuccessRule.To, Active, "running", FailureRule.Unchanged),
        Row(VmAction.Delete, TaskState.Deleting, AllButDeleted, SuccessRule.To, HardDeleted, "nostate", FailureRule.Error),
    ];

    private static readonly FrozenDictionary<VmAction, ActionRule> ByAction = Rules.ToFrozenDictionary(r => r.Action);

    private static readonly FrozenDictionary<TaskState, ActionRule> ByTask = Rules.ToFrozenDictionary(r => r.TaskState);

    public static ActionRule For(VmAction action) => ByAction[action];

    public static ActionRule For(TaskState taskState) => ByTask[taskState];

    private static ActionRule Row(
        VmAction action,
        TaskState task,
        VmState[] from,
        SuccessRule success,
        VmState? target,
        string power,
        FailureRule failure) =>
        new(action, task, from.ToFrozenSet(), success, target, power, failure);
}
