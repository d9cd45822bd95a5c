namespace VmControl.Domain;

/// <summary>The one task in flight (Nova's task_state), named after a verb-ing. A VM that is idle has none (null).</summary>
public enum TaskState
{
    Spawning,
    PoweringOn,
    PoweringOff,
    Rebooting,
    RebootingHard,
    Pausing,
    Unpausing,
    Suspending,
    Resuming,
    Rescuing,
    Unrescuing,
    ResizeMigrating,
    ResizeConfirming,
    ResizeReverting,
    Rebuilding,
    ImageSnapshot,
    ImageBackup,
    Migrating,
    SoftDeleting,
    Restoring,
    Deleting,
}
