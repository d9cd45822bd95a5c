namespace VmControl.Domain;

/// <summary>Why the lifecycle refused an action. The wire form is the problem details' <c>code</c>.</summary>
public enum RefusalCode
{
    /// <summary>Another task is in flight; only delete pre-empts it.</summary>
    TaskInProgress,

    /// <summary>The action is not allowed from the VM's vm_state.</summary>
    InvalidVmState,

    /// <summary>The VM is in <c>error</c>: only delete (and the admin reset-state) is allowed.</summary>
    VmInError,

    /// <summary>The VM is hard-deleted: nothing is allowed.</summary>
    VmDeleted,
}
