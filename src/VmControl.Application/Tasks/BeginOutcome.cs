using VmControl.Application.Ports;

namespace VmControl.Application.Tasks;

/// <summary>
/// How a task's first step went: <see cref="Command"/> null when the task is no longer the VM's (pre-empted);
/// else the started <see cref="Operation"/> and, when the hypervisor answered at once, its final <see cref="Progress"/>;
/// or the permanent <see cref="Error"/> that kept it from starting.
/// </summary>
public sealed record BeginOutcome(
    HypervisorCommand? Command,
    HypervisorOperation? Operation = null,
    OperationProgress? Progress = null,
    HypervisorError? Error = null);
