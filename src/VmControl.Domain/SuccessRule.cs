namespace VmControl.Domain;

/// <summary>How an action's success sets the vm_state.</summary>
public enum SuccessRule
{
    /// <summary>Always the rule's target.</summary>
    To,

    /// <summary>The vm_state stays as it is (snapshot, backup, migrate).</summary>
    Unchanged,

    /// <summary>The target, or <c>stopped</c> if the VM was stopped (rebuild; confirm_resize looks at the state before the resize).</summary>
    ToTargetOrStoppedIfStopped,

    /// <summary>The vm_state the VM had before the resize (revert_resize).</summary>
    ToStateBeforeResize,
}
