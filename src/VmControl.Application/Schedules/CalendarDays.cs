namespace VmControl.Application.Schedules;

/// <summary>The holidays and extra days of a schedule's calendars, looked up by date (a holiday wins over an extra day).</summary>
internal sealed class CalendarDays
{
    private readonly Dictionary<DateOnly, string> holidays = [];
    private readonly HashSet<DateOnly> extra = [];

    public CalendarDays(Schedule schedule, IReadOnlyCollection<ScheduleCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(calendars);
        foreach (var calendar in calendars.Where(c => schedule.CalendarIds.Contains(c.Id, StringComparer.Ordinal)))
        {
            foreach (var day in calendar.Holidays)
            {
                holidays.TryAdd(day, calendar.Name);
            }

            extra.UnionWith(calendar.ExtraDays);
        }
    }

    public bool IsHoliday(DateOnly date) => holidays.ContainsKey(date);

    public bool IsExtra(DateOnly date) => extra.Contains(date);

    public string? HolidayName(DateOnly date) => holidays.GetValueOrDefault(date);
}
