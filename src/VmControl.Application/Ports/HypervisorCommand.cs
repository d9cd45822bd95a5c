namespace VmControl.Application.Ports;

/// <summary>
/// What the driver is asked to do: the action, the VM's current description and the action's parameters.
/// <see cref="RequestId"/> is the task's action id: the same for a repeated begin (an activity that ran twice), so a
/// driver can answer the repeat with the operation it already ran instead of running it again.
/// </summary>
public sealed record HypervisorCommand(
    string VmId,
    string? ExternalId,
    VmAction Action,
    string Name,
    string Size,
    string Image,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Parameters,
    string? RequestId = null);
