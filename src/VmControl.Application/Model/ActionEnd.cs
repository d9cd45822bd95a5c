namespace VmControl.Application.Model;

/// <summary>How an action ended: succeeded, failed or pre-empted, with the VM state it left and the error.</summary>
public sealed record ActionEnd(ActionStatus Status, VmState? VmStateAfter, ActionError? Error, DateTimeOffset At)
{
    public const string SucceededStep = "task.succeeded";
    public const string FailedStep = "task.failed";
    public const string PreemptedStep = "task.preempted";

    /// <summary>The history step that records this end.</summary>
    public string Step => Status switch
    {
        ActionStatus.Succeeded => SucceededStep,
        ActionStatus.Preempted => PreemptedStep,
        _ => FailedStep,
    };

    /// <summary>The steps that end an action; each action has at most one.</summary>
    public static bool IsTerminal(string step) => step is SucceededStep or FailedStep or PreemptedStep;
}
