namespace VmControl.Application.Schedules;

/// <summary>
/// The action a schedule stops a VM with. <see cref="Stop"/> is the driver's stop (on Azure, powerOff or deallocate
/// as the driver's <c>StopMode</c> says); <see cref="Suspend"/> is suspend (on Azure, hibernate).
/// </summary>
public enum ScheduleStopKind
{
    Stop,
    Suspend,
}
