using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>A calendar as written (<c>PUT /api/calendars/{id}</c>): dates <c>yyyy-MM-dd</c>.</summary>
public sealed record CalendarBody(string? Name, IReadOnlyList<string>? Holidays = null, IReadOnlyList<string>? ExtraDays = null)
{
    public const int MaxDates = 1000;

    public (ScheduleCalendar? Value, ApiResult? Problem) ToCalendar(string id)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > ScheduleBody.MaxNameLength || Name.Any(char.IsControl))
        {
            return (null, Problems.Invalid("name", $"name must be 1-{ScheduleBody.MaxNameLength} characters without control characters."));
        }

        var holidays = Dates(Holidays);
        var extra = Dates(ExtraDays);
        if (holidays is null)
        {
            return (null, Problems.Invalid("holidays", $"holidays must be at most {MaxDates} dates yyyy-MM-dd."));
        }

        return extra is null
            ? (null, Problems.Invalid("extraDays", $"extraDays must be at most {MaxDates} dates yyyy-MM-dd."))
            : (new ScheduleCalendar { Id = id, Name = Name, Holidays = holidays, ExtraDays = extra }, null);
    }

    private static List<DateOnly>? Dates(IReadOnlyList<string>? texts)
    {
        if (texts is null)
        {
            return [];
        }

        var dates = texts.Select(ScheduleWire.ParseDate).ToList();
        return texts.Count > MaxDates || dates.Any(d => d is null) ? null : [.. dates.Select(d => d!.Value).Distinct().Order()];
    }
}
