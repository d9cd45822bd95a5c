namespace VmControl.Application.Schedules;

/// <summary>
/// A schedule's answer for an instant: the desired state, the boundary it began at (what the tick's idempotency key and
/// <see cref="ScheduleMode.RespectManual"/> count from), the next change, and why.
/// </summary>
/// <param name="Desired">On or off now.</param>
/// <param name="Boundary">The instant the current desired state began (a start, a stop or an override), or null when
/// nothing changed in the look-back window (a schedule with no period in weeks).</param>
/// <param name="BoundaryKey">The boundary as the idempotency key names it: the instant, or <c>override-{id}</c>.</param>
/// <param name="NextChange">When the desired state next changes, or null when it does not within a year.</param>
/// <param name="Why">A sentence for people: which period, holiday or override decides.</param>
public sealed record ScheduleState(DesiredPower Desired, DateTimeOffset? Boundary, string BoundaryKey, DateTimeOffset? NextChange, string Why);
