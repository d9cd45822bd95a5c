using NodaTime;

namespace VmControl.Application.Schedules;

/// <summary>
/// The pure evaluation of a schedule (docs/schedules.md): its on-intervals as instants, built day by day from local
/// dates in its zone (so weekdays are the zone's weekdays, never UTC's), merged where they touch; the desired state at
/// an instant is whether it falls in one. Nothing here reads a clock or a store.
/// </summary>
public static class ScheduleEvaluator
{
    /// <summary>How far back a boundary is looked for; a schedule quiet for longer has none (and the key says so).</summary>
    public const int LookBackDays = 35;

    /// <summary>How far ahead the next change is looked for.</summary>
    public const int LookAheadDays = 370;

    /// <summary>The longest preview window.</summary>
    public static readonly TimeSpan MaxPreview = TimeSpan.FromDays(62);

    public static ScheduleState Evaluate(Schedule schedule, IReadOnlyCollection<ScheduleCalendar> calendars, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = ScheduleZones.Get(schedule.TimeZone);
        var days = new CalendarDays(schedule, calendars);
        var instant = Instant.FromDateTimeOffset(at);
        var today = instant.InZone(zone).Date;
        var near = Intervals(schedule, zone, days, today.PlusDays(-LookBackDays), today.PlusDays(14));
        var current = near.FirstOrDefault(i => i.Start <= instant && instant < i.Stop);
        var on = current != default;
        var boundary = on ? current.Start : near.Where(i => i.Stop <= instant).Select(i => (Instant?)i.Stop).LastOrDefault();
        var next = on ? current.Stop : near.Where(i => i.Start > instant).Select(i => (Instant?)i.Start).FirstOrDefault();
        if (next is null && !on)
        {
            next = Intervals(schedule, zone, days, today.PlusDays(14), today.PlusDays(LookAheadDays))
                .Where(i => i.Start > instant).Select(i => (Instant?)i.Start).FirstOrDefault();
        }

        var why = on
            ? $"in a period of schedule '{schedule.Name}' ({PeriodsText(schedule)}, {schedule.TimeZone})"
            : days.HolidayName(ToDate(today)) is { } holiday
                ? $"holiday {ToDate(today):yyyy-MM-dd} in calendar '{holiday}' of schedule '{schedule.Name}'"
                : $"outside every period of schedule '{schedule.Name}' ({PeriodsText(schedule)}, {schedule.TimeZone})";
        return new ScheduleState(
            on ? DesiredPower.On : DesiredPower.Off,
            boundary?.ToDateTimeOffset(),
            boundary is { } b ? b.ToDateTimeOffset().ToString("yyyy-MM-ddTHH:mmZ", System.Globalization.CultureInfo.InvariantCulture) : "none",
            next?.ToDateTimeOffset(),
            why);
    }

    /// <summary>The state with an active override applied: it decides until it expires, then the schedule does again.</summary>
    public static ScheduleState Apply(ScheduleState state, ScheduleOverride overriding, Schedule schedule, IReadOnlyCollection<ScheduleCalendar> calendars)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(overriding);
        var after = Evaluate(schedule, calendars, overriding.Until);
        return new ScheduleState(
            overriding.Desired,
            overriding.CreatedAt,
            "override-" + overriding.Id,
            after.Desired == overriding.Desired ? after.NextChange : overriding.Until,
            $"override {overriding.Id} by {overriding.Author} until {overriding.Until:yyyy-MM-ddTHH:mmZ}: {overriding.Reason}");
    }

    /// <summary>Every change in (<paramref name="from"/>, <paramref name="to"/>], after the state at <paramref name="from"/>.</summary>
    public static IReadOnlyList<ScheduleChange> Preview(
        Schedule schedule, IReadOnlyCollection<ScheduleCalendar> calendars, DateTimeOffset from, DateTimeOffset to)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var zone = ScheduleZones.Get(schedule.TimeZone);
        var days = new CalendarDays(schedule, calendars);
        var start = Instant.FromDateTimeOffset(from);
        var end = Instant.FromDateTimeOffset(to);
        var changes = new List<ScheduleChange>();
        foreach (var interval in Intervals(schedule, zone, days, start.InZone(zone).Date.PlusDays(-2), end.InZone(zone).Date.PlusDays(1)))
        {
            if (interval.Start > start && interval.Start <= end)
            {
                changes.Add(new ScheduleChange(interval.Start.ToDateTimeOffset(), DesiredPower.On));
            }

            if (interval.Stop > start && interval.Stop <= end)
            {
                changes.Add(new ScheduleChange(interval.Stop.ToDateTimeOffset(), DesiredPower.Off));
            }
        }

        return changes;
    }

    /// <summary>
    /// The on-intervals of the periods starting on local dates <paramref name="from"/> to <paramref name="to"/>, sorted and
    /// merged (two periods that touch or overlap make one, so no stop and start between them).
    /// </summary>
    internal static List<(Instant Start, Instant Stop)> Intervals(Schedule schedule, DateTimeZone zone, CalendarDays days, LocalDate from, LocalDate to)
    {
        var raw = new List<(Instant Start, Instant Stop)>();
        for (var date = from; date <= to; date = date.PlusDays(1))
        {
            var bcl = ToDate(date);
            if (days.IsHoliday(bcl))
            {
                continue;
            }

            var extra = days.IsExtra(bcl);
            foreach (var period in schedule.Periods)
            {
                if (!extra && !period.Days.Contains(bcl.DayOfWeek))
                {
                    continue;
                }

                var start = ScheduleZones.Resolve(zone, date, period.Start);
                var stop = ScheduleZones.Resolve(zone, period.CrossesMidnight ? date.PlusDays(1) : date, period.Stop);

                // A period wholly inside the spring gap resolves to an empty interval: it does not run that day.
                if (stop > start)
                {
                    raw.Add((start, stop));
                }
            }
        }

        raw.Sort((a, b) => a.Start.CompareTo(b.Start));
        var merged = new List<(Instant Start, Instant Stop)>();
        foreach (var interval in raw)
        {
            if (merged.Count > 0 && interval.Start <= merged[^1].Stop)
            {
                var last = merged[^1];
                merged[^1] = (last.Start, Instant.Max(last.Stop, interval.Stop));
            }
            else
            {
                merged.Add(interval);
            }
        }

        return merged;
    }

    private static string PeriodsText(Schedule schedule) => string.Join("; ", schedule.Periods.Select(p => p.ToString()));

    private static DateOnly ToDate(LocalDate date) => new(date.Year, date.Month, date.Day);
}
