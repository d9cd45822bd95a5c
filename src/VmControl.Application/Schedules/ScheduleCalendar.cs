namespace VmControl.Application.Schedules;

/// <summary>
/// Dated exceptions shared by schedules: on a holiday no period starts (one already running still stops at its time);
/// on an extra day every period of the schedule starts as if its weekday were one of the period's days.
/// </summary>
public sealed record ScheduleCalendar
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public IReadOnlyList<DateOnly> Holidays { get; init; } = [];

    public IReadOnlyList<DateOnly> ExtraDays { get; init; } = [];

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }
}
