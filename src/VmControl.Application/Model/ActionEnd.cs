using VmControl.Domain;

namespace VmControl.Application.Model;

/// <summary>How an action ended: succeeded, failed or pre-empted, with the VM state it left and the error.</summary>
public sealed record ActionEnd(ActionStatus Status, VmState? VmStateAfter, ActionError? Error, DateTimeOffset At)
{
    /// <summary>The history step that records this end.</summary>
    public string Step => Status switch
    {
        ActionStatus.Succeeded => "task.succeeded",
        ActionStatus.Preempted => "task.preempted",
        _ => "task.failed",
    };
}
