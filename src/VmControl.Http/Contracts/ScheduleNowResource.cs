using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>A desired state now: on or off, since when, the next change and why.</summary>
public sealed record ScheduleNowResource(string Desired, DateTimeOffset? Since, DateTimeOffset? NextChange, string Why)
{
    public static ScheduleNowResource From(ScheduleState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return new(ScheduleWire.Power(state.Desired), state.Boundary, state.NextChange, state.Why);
    }
}
