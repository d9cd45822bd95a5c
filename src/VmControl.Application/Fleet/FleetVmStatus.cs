namespace VmControl.Application.Fleet;

/// <summary>
/// One VM's part of a fleet operation. <see cref="Issuing"/> is written before its action is asked for, so a retried
/// step knows to look for an action it may already have started; the last five are final.
/// </summary>
public enum FleetVmStatus
{
    Pending,
    Issuing,
    Running,
    Succeeded,
    Failed,
    Skipped,
    Cancelled,
    NotReady,
}
