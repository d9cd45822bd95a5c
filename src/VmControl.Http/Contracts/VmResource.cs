using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>The VM resource of docs/api.md; enums as their wire names.</summary>
public sealed record VmResource(
    string Id,
    string Name,
    string Size,
    string Image,
    IReadOnlyDictionary<string, string> Tags,
    string VmState,
    string? TaskState,
    string PowerState,
    string? PowerStateDetail,
    DateTimeOffset? PowerStateObservedAt,
    string? CurrentActionId,
    FaultResource? Fault,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Driver,
    IReadOnlyList<string> AllowedActions,
    string Project,
    bool Locked,
    string? LockedReason,
    string? LockedBy,
    bool DeleteProtection,
    bool StopProtection,
    string? Description,
    string? AccessIPv4,
    string? AccessIPv6)
{
    public static VmResource From(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return new(
            vm.Id,
            vm.Name,
            vm.Size,
            vm.Image,
            vm.Tags,
            vm.VmState.ToWire(),
            vm.TaskState?.ToWire(),
            vm.PowerState.ToWire(),
            vm.PowerStateDetail,
            vm.PowerStateObservedAt,
            vm.CurrentActionId,
            vm.Fault is { } f ? new FaultResource(f.Action.ToWire(), f.ActionId, f.Code, f.Message, f.At) : null,
            vm.CreatedAt,
            vm.UpdatedAt,
            vm.Driver,
            [.. Lifecycle.AllowedActions(vm.Status).Select(a => a.ToWire())],
            vm.Project,
            vm.Locked,
            vm.LockedReason,
            vm.LockedBy,
            vm.DeleteProtection,
            vm.StopProtection,
            vm.Description,
            vm.AccessIPv4,
            vm.AccessIPv6);
    }
}
