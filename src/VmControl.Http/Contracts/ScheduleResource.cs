using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>A schedule as read, with its state now.</summary>
public sealed record ScheduleResource(
    string Id,
    string Name,
    string TimeZone,
    IReadOnlyList<PeriodBody> Periods,
    IReadOnlyList<string> Calendars,
    string Mode,
    string StopKind,
    IReadOnlyList<string> VmIds,
    SelectorBody? Selector,
    bool Enabled,
    string? Project,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string? ETag,
    ScheduleNowResource? Now)
{
    public static ScheduleResource From(Schedule schedule, ScheduleState? now)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return new(
            schedule.Id,
            schedule.Name,
            schedule.TimeZone,
            [.. schedule.Periods.Select(p => new PeriodBody([.. p.Days.Select(ScheduleWire.Day)], ScheduleWire.Time(p.Start), ScheduleWire.Time(p.Stop, stop: true)))],
            schedule.CalendarIds,
            ScheduleWire.Mode(schedule.Mode),
            ScheduleWire.StopKind(schedule.StopKind),
            schedule.VmIds,
            schedule.Selector is null ? null : SelectorBody.From(schedule.Selector),
            schedule.Enabled,
            schedule.Project,
            schedule.CreatedBy,
            schedule.CreatedAt,
            schedule.UpdatedAt,
            schedule.ETag,
            now is null ? null : ScheduleNowResource.From(now));
    }
}
