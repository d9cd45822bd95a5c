using static VmControl.Domain.VmAction;
using static VmControl.Domain.VmState;

namespace VmControl.Domain.Tests.Support;

/// <summary>
/// docs/lifecycle.md §1 typed by hand from the doc, NOT read back from <see cref="LifecycleTable"/>:
/// the tests compare the code against this independent copy.
/// </summary>
internal static class DocTable
{
    /// <summary>Column "allowed from vm_state" (delete: "any vm_state"; hard_deleted is handled by its own rule).</summary>
    public static readonly IReadOnlyDictionary<VmAction, VmState[]> AllowedFrom = new Dictionary<VmAction, VmState[]>
    {
        [Create] = [Initialized],
        [Start] = [Stopped],
        [Stop] = [Active],
        [Reboot] = [Active],
        [RebootHard] = [Active, Stopped, Paused, Suspended],
        [Pause] = [Active],
        [Unpause] = [Paused],
        [Suspend] = [Active],
        [Resume] = [Suspended],
        [Rescue] = [Active, Stopped],
        [Unrescue] = [Rescued],
        [Resize] = [Active, Stopped],
        [ConfirmResize] = [Resized],
        [RevertResize] = [Resized],
        [Rebuild] = [Active, Stopped],
        [Snapshot] = [Active, Stopped, Paused, Suspended],
        [Backup] = [Active, Stopped, Paused, Suspended],
        [Migrate] = [Active, Paused],
        [SoftDelete] = [Active, Stopped, Paused, Suspended, Rescued, Resized],
        [Restore] = [SoftDeleted],
        [Delete] = [Initialized, Active, Rescued, Paused, Suspended, Stopped, SoftDeleted, Resized, Error],
    };

    /// <summary>Column "task_state", as wire names.</summary>
    public static readonly IReadOnlyDictionary<VmAction, string> TaskWire = new Dictionary<VmAction, string>
    {
        [Create] = "spawning",
        [Start] = "powering_on",
        [Stop] = "powering_off",
        [Reboot] = "rebooting",
        [RebootHard] = "rebooting_hard",
        [Pause] = "pausing",
        [Unpause] = "unpausing",
        [Suspend] = "suspending",
        [Resume] = "resuming",
        [Rescue] = "rescuing",
        [Unrescue] = "unrescuing",
        [Resize] = "resize_migrating",
        [ConfirmResize] = "resize_confirming",
        [RevertResize] = "resize_reverting",
        [Rebuild] = "rebuilding",
        [Snapshot] = "image_snapshot",
        [Backup] = "image_backup",
        [Migrate] = "migrating",
        [SoftDelete] = "soft_deleting",
        [Restore] = "restoring",
        [Delete] = "deleting",
    };

    /// <summary>Column "on failure": unchanged, error, error-if-not-running (reboot), error-if-started (resize, migrate).</summary>
    public static readonly IReadOnlyDictionary<VmAction, string> OnFailure = new Dictionary<VmAction, string>
    {
        [Create] = "error",
        [Start] = "unchanged",
        [Stop] = "unchanged",
        [Reboot] = "error-if-not-running",
        [RebootHard] = "error-if-not-running",
        [Pause] = "unchanged",
        [Unpause] = "unchanged",
        [Suspend] = "unchanged",
        [Resume] = "unchanged",
        [Rescue] = "error",
        [Unrescue] = "error",
        [Resize] = "error-if-started",
        [ConfirmResize] = "error",
        [RevertResize] = "error",
        [Rebuild] = "error",
        [Snapshot] = "unchanged",
        [Backup] = "unchanged",
        [Migrate] = "error-if-started",
        [SoftDelete] = "unchanged",
        [Restore] = "unchanged",
        [Delete] = "error",
    };

    /// <summary>The task_state an action claims, parsed from <see cref="TaskWire"/>.</summary>
    public static TaskState TaskOf(VmAction action) =>
        WireNames.TryParse<TaskState>(TaskWire[action], out var task) ? task : throw new InvalidOperationException(TaskWire[action]);

    /// <summary>What an idle VM in <paramref name="state"/> may do per the doc, in declaration order of <see cref="VmAction"/>.</summary>
    public static IReadOnlyList<VmAction> IdleAllowed(VmState state) =>
        [.. Enum.GetValues<VmAction>().Where(a => AllowedFrom[a].Contains(state))];
}
