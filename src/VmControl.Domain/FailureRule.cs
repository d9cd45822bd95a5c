namespace VmControl.Domain;

/// <summary>What a failed task does to the vm_state. The task_state is always cleared and the fault kept.</summary>
public enum FailureRule
{
    /// <summary>The vm_state stays.</summary>
    Unchanged,

    /// <summary>The VM goes to <c>error</c>.</summary>
    Error,

    /// <summary><c>error</c> when the VM is not running afterwards, else unchanged (reboot).</summary>
    ErrorIfNotRunning,

    /// <summary>Unchanged when the hypervisor changed nothing, else <c>error</c> (resize, live migrate).</summary>
    ErrorIfStarted,
}
