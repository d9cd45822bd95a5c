namespace VmControl.Application.Schedules;

/// <summary>One change a schedule would make: at <paramref name="At"/> the desired state becomes <paramref name="Desired"/>.</summary>
public sealed record ScheduleChange(DateTimeOffset At, DesiredPower Desired);
