using VmControl.Application.Schedules;

namespace VmControl.Application.Ports;

/// <summary>The schedules, their calendars and the overrides (docs/schedules.md), each its own table.</summary>
public interface IScheduleStore
{
    IRecordSet<Schedule> Schedules { get; }

    IRecordSet<ScheduleCalendar> Calendars { get; }

    IRecordSet<ScheduleOverride> Overrides { get; }

    /// <summary>The overrides still in force at <paramref name="now"/>: expired ones are filtered out by the query, so they need no clean-up.</summary>
    Task<IReadOnlyList<ScheduleOverride>> ListActiveOverridesAsync(DateTimeOffset now, CancellationToken cancellationToken = default);
}
