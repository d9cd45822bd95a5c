namespace VmControl.Application.Tasks;

/// <summary>How a task ended: the action's final status and the vm_state it left (null when pre-empted).</summary>
public sealed record VmTaskOutcome(ActionStatus Status, VmState? VmStateAfter, string? ErrorCode = null);
