namespace VmControl.Application.Schedules;

/// <summary>
/// One on-period of a schedule, in the schedule's local time: on at <see cref="Start"/> of each of <see cref="Days"/>,
/// off at <see cref="Stop"/>. A stop at or before the start is on the next day (22:00-06:00 crosses midnight; 08:00-00:00
/// runs to midnight; a stop equal to the start is a whole day).
/// </summary>
public sealed record SchedulePeriod(IReadOnlyList<DayOfWeek> Days, TimeOnly Start, TimeOnly Stop)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool CrossesMidnight => Stop <= Start;

    public override string ToString() =>
        $"{string.Join(',', Days.Select(d => d.ToString()[..3]))} {Start:HH\\:mm}-{(Stop == TimeOnly.MinValue ? "24:00" : Stop.ToString("HH\\:mm", System.Globalization.CultureInfo.InvariantCulture))}";
}
