using VmControl.Application.Schedules;

namespace VmControl.Storage;

/// <summary>Schedules, calendars and overrides, one table each (docs/storage.md).</summary>
public sealed class TableScheduleStore : IScheduleStore
{
    private readonly TableRecordSet<ScheduleOverride> overrides;

    public TableScheduleStore(StorageTables tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        Schedules = new TableRecordSet<Schedule>(tables.Schedules, s => s.Id, s => s.ETag, (s, etag) => s with { ETag = etag });
        Calendars = new TableRecordSet<ScheduleCalendar>(tables.Calendars, c => c.Id, c => c.ETag, (c, etag) => c with { ETag = etag });
        overrides = new TableRecordSet<ScheduleOverride>(tables.Overrides, o => o.Id, o => o.ETag, (o, etag) => o with { ETag = etag }, o => o.Until);
    }

    public IRecordSet<Schedule> Schedules { get; }

    public IRecordSet<ScheduleCalendar> Calendars { get; }

    public IRecordSet<ScheduleOverride> Overrides => overrides;

    public Task<IReadOnlyList<ScheduleOverride>> ListActiveOverridesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        overrides.ListUnexpiredAsync(now, cancellationToken);
}
