namespace VmControl.Application.Schedules;

/// <summary>What a schedule wants of a VM at an instant.</summary>
public enum DesiredPower
{
    /// <summary>Stopped (or suspended, by the schedule's stop kind).</summary>
    Off,

    /// <summary>Active and running.</summary>
    On,
}
