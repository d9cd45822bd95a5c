using System.Globalization;
using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

public sealed record CalendarResource(string Id, string Name, IReadOnlyList<string> Holidays, IReadOnlyList<string> ExtraDays, DateTimeOffset UpdatedAt, string? ETag)
{
    public static CalendarResource From(ScheduleCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        return new(
            calendar.Id,
            calendar.Name,
            [.. calendar.Holidays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            [.. calendar.ExtraDays.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))],
            calendar.UpdatedAt,
            calendar.ETag);
    }
}
