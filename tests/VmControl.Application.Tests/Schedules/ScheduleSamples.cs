using VmControl.Application.Schedules;

namespace VmControl.Application.Tests.Schedules;

/// <summary>Schedules the evaluation and tick tests share.</summary>
internal static class ScheduleSamples
{
    public static readonly DayOfWeek[] Weekdays = [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];

    public static Schedule OfficeHours(string zone = "Europe/London", params string[] calendarIds) => new()
    {
        Id = "office",
        Name = "office hours",
        TimeZone = zone,
        Periods = [new SchedulePeriod(Weekdays, new TimeOnly(8, 0), new TimeOnly(18, 0))],
        CalendarIds = calendarIds,
    };

    public static Schedule Period(string zone, TimeOnly start, TimeOnly stop, params DayOfWeek[] days) => new()
    {
        Id = "p",
        Name = "period",
        TimeZone = zone,
        Periods = [new SchedulePeriod(days.Length == 0 ? Enum.GetValues<DayOfWeek>() : days, start, stop)],
    };

    public static DateTimeOffset Utc(int year, int month, int day, int hour, int minute = 0) => new(year, month, day, hour, minute, 0, TimeSpan.Zero);
}
