namespace VmControl.Domain;

/// <summary>The 21 lifecycle actions. Soft and hard reboot are distinct actions because they claim distinct task states.</summary>
public enum VmAction
{
    Create,
    Start,
    Stop,
    Reboot,
    RebootHard,
    Pause,
    Unpause,
    Suspend,
    Resume,
    Rescue,
    Unrescue,
    Resize,
    ConfirmResize,
    RevertResize,
    Rebuild,
    Snapshot,
    Backup,
    Migrate,
    SoftDelete,
    Restore,
    Delete,
}
