namespace VmControl.Application.Schedules;

/// <summary>How a schedule treats a VM that is not in its desired state (docs/schedules.md).</summary>
public enum ScheduleMode
{
    /// <summary>Keep the VM in the desired state: any difference is acted on.</summary>
    Enforce,

    /// <summary>A manual action (one this schedule did not request) holds until the next period boundary.</summary>
    RespectManual,

    /// <summary>Only ever stops: a VM that should be on is left as it is.</summary>
    StopOnly,
}
