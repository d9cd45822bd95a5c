using VmControl.Application.UseCases;

namespace VmControl.Application.Fleet;

/// <summary>A VM's result from what its action request or its action came to.</summary>
internal static class FleetOutcomes
{
    public static FleetVmResult Of(FleetVmResult row, CommandResult result) => result switch
    {
        CommandResult.Accepted a => row with { Status = FleetVmStatus.Running, ActionId = a.Action.Id, Code = null, Message = null },
        CommandResult.AlreadyDeleting { Action: { } action, Finished: false } => row with { Status = FleetVmStatus.Running, ActionId = action.Id },
        CommandResult.AlreadyDeleting d => Skip(row, "already_deleted", "The VM is already deleted."),
        CommandResult.Refused r => Skip(row, r.Decision.Code.ToWire(), r.Decision.Message),
        CommandResult.Guarded g => Skip(row, g.Refusal.Code, g.Refusal.Message),
        CommandResult.NotFound => Skip(row, "vm_not_found", "No VM has this id (any more)."),
        CommandResult.Invalid i => Skip(row, "invalid_parameter", $"{i.Field}: {i.Message}"),
        CommandResult.Unsupported u => Skip(row, "unsupported_action", u.Reason),
        CommandResult.Forbidden f => Skip(row, "forbidden", f.Message),
        CommandResult.PreconditionFailed => Skip(row, "precondition_failed", "The VM changed while it was being asked."),
        _ => Skip(row, "refused", result.GetType().Name),
    };

    public static FleetVmResult Of(FleetVmResult row, ActionRecord? action) => action switch
    {
        null => row with { Status = FleetVmStatus.Failed, Code = "action_missing", Message = "The VM's action is no longer recorded." },
        { Status: ActionStatus.Running } => row,
        { Status: ActionStatus.Succeeded } => row with { Status = FleetVmStatus.Succeeded },
        { Status: ActionStatus.Preempted } => row with { Status = FleetVmStatus.Failed, Code = "preempted", Message = "A hard delete pre-empted the action." },
        _ => row with { Status = FleetVmStatus.Failed, Code = action.Error?.Code ?? "failed", Message = action.Error?.Message },
    };

    private static FleetVmResult Skip(FleetVmResult row, string code, string message) =>
        row with { Status = FleetVmStatus.Skipped, Code = code, Message = message };
}
