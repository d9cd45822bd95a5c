using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>The application's refusals in Nova's words (<c>common.raise_http_conflict_for_instance_invalid_state</c>).</summary>
public static class CommandFaults
{
    public static NovaResult For(CommandResult result, string novaAction, string id) => result switch
    {
        CommandResult.NotFound => NovaResult.ServerNotFound(id),
        CommandResult.Refused { Decision.Code: RefusalCode.VmDeleted } => NovaResult.ServerNotFound(id),
        CommandResult.Refused { Decision: var refused } when refused.Code == RefusalCode.TaskInProgress && refused.TaskState is { } task =>
            NovaResult.Fault(409, $"Cannot '{novaAction}' instance {id} while it is in task_state {NovaStates.TaskState(task)}"),
        CommandResult.Refused { Decision: var refused } =>
            NovaResult.Fault(409, $"Cannot '{novaAction}' instance {id} while it is in vm_state {NovaStates.VmState(refused.VmState)}"),
        CommandResult.Invalid invalid => NovaResult.Fault(400, $"Invalid input for field/attribute {invalid.Field}. {invalid.Message}"),
        CommandResult.PreconditionFailed => NovaResult.Fault(409, $"Instance {id} changed while the request ran; retry."),
        // Nova: "Instance <id> is locked" (exception.InstanceIsLocked); protection has no Nova word, so ours.
        CommandResult.Guarded { Refusal.Safeguard: Safeguard.Lock } => NovaResult.Fault(409, $"Instance {id} is locked"),
        CommandResult.Guarded guarded => NovaResult.Fault(409, $"Cannot '{novaAction}' instance {id}: {guarded.Refusal.Message}"),
        CommandResult.Forbidden forbidden => NovaResult.Fault(403, forbidden.Message),
        CommandResult.Unsupported unsupported => NovaResult.Fault(501, $"'{novaAction}' is not supported by the {unsupported.Driver} driver: {unsupported.Reason}"),
        _ => NovaResult.Fault(500, "Unexpected result " + result.GetType().Name),
    };
}
