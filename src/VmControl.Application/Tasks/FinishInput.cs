using VmControl.Application.Model;
using VmControl.Application.Ports;

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
    ActionState? ActionRow = null);
