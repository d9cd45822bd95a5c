namespace VmControl.Application.Tasks.V1;

/// <summary>
/// The begin step's answer as <see cref="VmTaskOrchestratorV1"/> reads it (the flat shape before
/// <see cref="BeginOutcome"/> became a closed set; its JSON is unchanged). Exactly one of: <see cref="Outcome"/> (the
/// task ended inside the step, recorded); <see cref="Finish"/> (the hypervisor part ended, its outcome is still to be
/// written by the finish step); <see cref="Operation"/> (still under way: poll it after <see cref="Wait"/>).
/// <see cref="ActionRow"/> is the action record as the step left it. Remove with <see cref="VmTaskOrchestratorV1"/>.
/// </summary>
public sealed record BeginOutcomeV1(
    VmTaskOutcome? Outcome = null,
    FinishInput? Finish = null,
    HypervisorOperation? Operation = null,
    TimeSpan Wait = default,
    ActionState? ActionRow = null);
