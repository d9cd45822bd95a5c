namespace VmControl.Application.Fleet;

/// <summary>One VM's part of a fleet operation: its tier (1-based, in run order), where it is, its action, and why it was skipped or failed.</summary>
public sealed record FleetVmResult(
    string VmId,
    int Tier,
    FleetVmStatus Status,
    string? ActionId = null,
    string? Code = null,
    string? Message = null)
{
    public bool IsFinal => Status is FleetVmStatus.Succeeded or FleetVmStatus.Failed or FleetVmStatus.Skipped
        or FleetVmStatus.Cancelled or FleetVmStatus.NotReady;
}
