namespace VmControl.Domain;

/// <summary>The lifecycle's answer to "may this action start now?".</summary>
public abstract record Decision
{
    private Decision()
    {
    }

    /// <summary>The action may start; claim <paramref name="TaskState"/>. <paramref name="Preempts"/> names the task a delete pre-empts.</summary>
    public sealed record Accepted(TaskState TaskState, TaskState? Preempts) : Decision;

    /// <summary>The action is refused; nothing changes.</summary>
    public sealed record Refused(RefusalCode Code, VmState VmState, TaskState? TaskState, IReadOnlyList<VmAction> AllowedActions) : Decision
    {
        public string Message => Code switch
        {
            RefusalCode.TaskInProgress => $"The VM has a task in flight ({TaskState?.ToWire()}); only delete pre-empts it.",
            RefusalCode.VmInError => "The VM is in error: only delete is allowed.",
            RefusalCode.VmDeleted => "The VM is hard-deleted: nothing is allowed.",
            _ => $"The action is not allowed while the VM is {VmState.ToWire()}.",
        };
    }

    /// <summary>A delete asked of a VM already being deleted or deleted: the same delete answers, no new task starts.</summary>
    public sealed record AlreadyDeleting(bool Finished) : Decision;
}
