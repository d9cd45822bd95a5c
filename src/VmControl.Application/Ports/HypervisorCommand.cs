using VmControl.Domain;

namespace VmControl.Application.Ports;

/// <summary>What the driver is asked to do: the action, the VM's current description and the action's parameters.</summary>
public sealed record HypervisorCommand(
    string VmId,
    string? ExternalId,
    VmAction Action,
    string Name,
    string Size,
    string Image,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, string> Parameters);
