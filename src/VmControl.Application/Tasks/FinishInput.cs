namespace VmControl.Application.Tasks;

/// <summary>How the hypervisor part of a task ended, for the step that writes the outcome.</summary>
/// <param name="Task">The task.</param>
/// <param name="Succeeded">Whether the operation succeeded.</param>
/// <param name="Power">The machine's power after the operation (success) or as read after the failure.</param>
/// <param name="Error">Why it failed.</param>
/// <param name="ExternalId">The machine's id, once known (create learns it).</param>
/// <param name="Events">Steps not written yet, recorded with the end in the same write.</param>
/// <param name="ActionRow">The action record as last written by this task, or null to read it.</param>
public sealed record FinishInput(
    VmTaskInput Task,
    bool Succeeded,
    PowerReading? Power,
    HypervisorError? Error,
    string? ExternalId,
    IReadOnlyList<ActionEvent>? Events = null,
    ActionState? ActionRow = null)
{
    /// <summary>The end of an operation the hypervisor reported as over (succeeded or failed).</summary>
    public static FinishInput Ended(
        VmTaskInput task, OperationProgress progress, string externalId, IReadOnlyList<ActionEvent> events, ActionState? row)
    {
        ArgumentNullException.ThrowIfNull(progress);
        return progress.State == OperationState.Succeeded
            ? new FinishInput(task, Succeeded: true, progress.Power, null, externalId, events, row)
            : new FinishInput(task, Succeeded: false, progress.Power,
                progress.Error ?? new HypervisorError("hypervisor_error", "The operation failed.", false, FailureKind.Started), externalId, events, row);
    }

    /// <summary>A task that stopped after its operation started (deadline, poll budget, an unreachable hypervisor).</summary>
    public static FinishInput Abandoned(
        VmTaskInput task, string code, string message, string? externalId, IReadOnlyList<ActionEvent>? events, ActionState? row) =>
        new(task, Succeeded: false, null, new HypervisorError(code, message, Transient: false, FailureKind.Started), externalId, events, row);
}
