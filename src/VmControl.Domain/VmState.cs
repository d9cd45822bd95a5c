namespace VmControl.Domain;

/// <summary>The stable state of a VM (Nova's vm_state). Changes only when a task succeeds, fails unrecoverably, or an admin resets it.</summary>
public enum VmState
{
    Initialized,
    Active,
    Rescued,
    Paused,
    Suspended,
    Stopped,
    SoftDeleted,
    HardDeleted,
    Resized,
    Error,
}
