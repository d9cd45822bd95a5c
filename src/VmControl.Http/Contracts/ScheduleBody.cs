using VmControl.Application.Schedules;

namespace VmControl.Http.Contracts;

/// <summary>A schedule as written (<c>POST /api/schedules</c>, <c>PUT /api/schedules/{id}</c>).</summary>
public sealed record ScheduleBody(
    string? Name,
    string? TimeZone,
    IReadOnlyList<PeriodBody>? Periods,
    IReadOnlyList<string>? Calendars = null,
    string? Mode = null,
    string? StopKind = null,
    IReadOnlyList<string>? VmIds = null,
    SelectorBody? Selector = null,
    bool? Enabled = null)
{
    public const int MaxPeriods = 20;
    public const int MaxVmIds = 1000;
    public const int MaxNameLength = 100;

    /// <summary>The schedule (id and authorship filled by the caller), or a 400 naming the field that is wrong.</summary>
    public (Schedule? Value, ApiResult? Problem) ToSchedule(string id)
    {
        if (string.IsNullOrWhiteSpace(Name) || Name.Length > MaxNameLength || Name.Any(char.IsControl))
        {
            return (null, Problems.Invalid("name", $"name must be 1-{MaxNameLength} characters without control characters."));
        }

        if (!ScheduleZones.IsKnown(TimeZone))
        {
            return (null, Problems.Invalid("timeZone", "timeZone must be an IANA time zone id, such as Europe/London."));
        }

        if (Periods is null || Periods.Count is 0 or > MaxPeriods)
        {
            return (null, Problems.Invalid("periods", $"periods must hold 1-{MaxPeriods} periods."));
        }

        var periods = new List<SchedulePeriod>();
        for (var i = 0; i < Periods.Count; i++)
        {
            var (period, problem) = ToPeriod(Periods[i], $"periods[{i}]");
            if (problem is not null)
            {
                return (null, problem);
            }

            periods.Add(period!);
        }

        var mode = ScheduleMode.Enforce;
        if (Mode is not null && !ScheduleWire.Modes.TryGetValue(Mode, out mode))
        {
            return (null, Problems.Invalid("mode", "mode must be one of: " + string.Join(", ", ScheduleWire.Modes.Keys) + "."));
        }

        var stopKind = ScheduleStopKind.Stop;
        if (StopKind is not null && !ScheduleWire.StopKinds.TryGetValue(StopKind, out stopKind))
        {
            return (null, Problems.Invalid("stopKind", "stopKind must be one of: " + string.Join(", ", ScheduleWire.StopKinds.Keys) + "."));
        }

        if (Calendars is not null && (Calendars.Count > 20 || Calendars.Any(c => !ScheduleWire.IsId(c))))
        {
            return (null, Problems.Invalid("calendars", "calendars must be at most 20 calendar ids."));
        }

        if (VmIds is not null && (VmIds.Count > MaxVmIds || VmIds.Any(v => !Application.Model.VmIds.IsValid(v))))
        {
            return (null, Problems.Invalid("vmIds", $"vmIds must be at most {MaxVmIds} VM ids."));
        }

        Selector? selector = null;
        if (Selector is not null)
        {
            var (value, problem) = Selector.ToSelector("selector");
            if (problem is not null)
            {
                return (null, problem);
            }

            selector = value;
        }

        if ((VmIds is null || VmIds.Count == 0) && selector is null)
        {
            return (null, Problems.Invalid("vmIds", "Name the members: vmIds, a selector, or both."));
        }

        return (new Schedule
        {
            Id = id,
            Name = Name,
            TimeZone = TimeZone!,
            Periods = periods,
            CalendarIds = Calendars ?? [],
            Mode = mode,
            StopKind = stopKind,
            VmIds = VmIds ?? [],
            Selector = selector,
            Enabled = Enabled ?? true,
        }, null);
    }

    private static (SchedulePeriod? Value, ApiResult? Problem) ToPeriod(PeriodBody? body, string field)
    {
        if (body?.Days is not { Count: > 0 } days || days.Any(d => d is null || !ScheduleWire.Days.ContainsKey(d)))
        {
            return (null, Problems.Invalid($"{field}.days", "days must name one or more of: mon, tue, wed, thu, fri, sat, sun."));
        }

        if (ScheduleWire.ParseTime(body.Start) is not { } start)
        {
            return (null, Problems.Invalid($"{field}.start", "start must be a local time HH:mm."));
        }

        if (ScheduleWire.ParseTime(body.Stop, stop: true) is not { } stop)
        {
            return (null, Problems.Invalid($"{field}.stop", "stop must be a local time HH:mm (24:00 for midnight); at or before start it is on the next day."));
        }

        return (new SchedulePeriod([.. days.Distinct().Select(d => ScheduleWire.Days[d])], start, stop), null);
    }
}
