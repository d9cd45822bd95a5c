namespace VmControl.Application.Tasks;

/// <summary>
/// The input of one task's orchestration: which VM, which action record, and by when it must end. <see cref="ActionRow"/>
/// is the action record as the request wrote it, so the task's first write needs no read.
/// </summary>
public sealed record VmTaskInput(
    string VmId,
    string ActionId,
    VmAction Action,
    TaskState TaskState,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset Deadline,
    ActionState? ActionRow = null);
