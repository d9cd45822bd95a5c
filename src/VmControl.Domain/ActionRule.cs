namespace VmControl.Domain;

/// <summary>One row of the lifecycle table (docs/lifecycle.md §1).</summary>
/// <param name="Action">The API verb.</param>
/// <param name="TaskState">The task state claimed while the task runs.</param>
/// <param name="AllowedFrom">The vm_states the action is accepted from (with no task in flight, except delete).</param>
/// <param name="Success">How the vm_state after success is computed.</param>
/// <param name="SuccessTarget">The fixed target for <see cref="SuccessRule.To"/>, and the default of the conditional rules.</param>
/// <param name="ExpectedPowerAfter">The power state the hypervisor should report after success, in words of the table.</param>
/// <param name="Failure">What a failed task does to the vm_state.</param>
public sealed record ActionRule(
    VmAction Action,
    TaskState TaskState,
    IReadOnlySet<VmState> AllowedFrom,
    SuccessRule Success,
    VmState? SuccessTarget,
    string ExpectedPowerAfter,
    FailureRule Failure);
