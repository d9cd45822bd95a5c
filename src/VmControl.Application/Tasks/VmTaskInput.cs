using VmControl.Domain;

namespace VmControl.Application.Tasks;

/// <summary>The input of one task's orchestration: which VM, which action record, and by when it must end.</summary>
public sealed record VmTaskInput(
    string VmId,
    string ActionId,
    VmAction Action,
    TaskState TaskState,
    IReadOnlyDictionary<string, string> Parameters,
    DateTimeOffset Deadline);
