using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks;

/// <summary>
/// How a task's first step went. Exactly one of: <see cref="Outcome"/> (the task ended inside the step, recorded);
/// <see cref="Finish"/> (the hypervisor part ended, its outcome is still to be written by the finish step);
/// <see cref="Operation"/> (still under way: poll it after <see cref="Wait"/>). <see cref="ActionRow"/> is the action
/// record as the step left it.
/// </summary>
public sealed record BeginOutcome(
    VmTaskOutcome? Outcome = null,
    FinishInput? Finish = null,
    HypervisorOperation? Operation = null,
    TimeSpan Wait = default,
    ActionState? ActionRow = null);
