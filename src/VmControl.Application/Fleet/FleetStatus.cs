namespace VmControl.Application.Fleet;

/// <summary>Where a fleet operation is (docs/fleet.md): it ends in one of the last four.</summary>
public enum FleetStatus
{
    Pending,
    Running,
    Succeeded,
    PartiallySucceeded,
    Failed,
    Cancelled,
}
