namespace VmControl.Domain;

/// <summary>The three statuses of a VM, plus the vm_state it had before a resize (needed by confirm, revert and the power check).</summary>
public sealed record VmStatus(
    VmState VmState,
    TaskState? TaskState = null,
    PowerState PowerState = PowerState.NoState,
    VmState? StateBeforeResize = null)
{
    public bool IsIdle => TaskState is null;
}
