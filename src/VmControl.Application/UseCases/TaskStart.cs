namespace VmControl.Application.UseCases;

/// <summary>A task whose VM is claimed, ready for <see cref="TaskStarter"/> to record and start.</summary>
/// <param name="Vm">The VM as claimed (its task_state is the action's).</param>
/// <param name="Action">The action.</param>
/// <param name="ActionId">The action id the claim carries.</param>
/// <param name="VmStateBefore">The vm_state before the task, for the action's history.</param>
/// <param name="Parameters">The action's parameters.</param>
/// <param name="RequestedBy">Who asked.</param>
/// <param name="RequestId">The caller's request id, or null.</param>
/// <param name="Now">When the request was accepted.</param>
public sealed record TaskStart(
    VmRecord Vm,
    VmAction Action,
    string ActionId,
    VmState VmStateBefore,
    IReadOnlyDictionary<string, string> Parameters,
    string RequestedBy,
    string? RequestId,
    DateTimeOffset Now);
