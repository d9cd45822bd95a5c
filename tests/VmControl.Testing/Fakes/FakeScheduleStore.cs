using VmControl.Application.Ports;
using VmControl.Application.Schedules;

namespace VmControl.Testing.Fakes;

/// <summary>Schedules, calendars and overrides in memory, seeded with the samples the route samples name.</summary>
public sealed class FakeScheduleStore : IScheduleStore
{
    public FakeScheduleStore()
    {
        var weekdays = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday };
        Schedules.AddAsync(new Schedule
        {
            Id = RouteSamples.ScheduleId, Name = "office hours", TimeZone = "Europe/London",
            Periods = [new SchedulePeriod(weekdays, new TimeOnly(8, 0), new TimeOnly(18, 0))], Selector = new Application.Model.Selector { NamePrefix = "web" },
        }).GetAwaiter().GetResult();
        Calendars.AddAsync(new ScheduleCalendar { Id = RouteSamples.CalendarId, Name = "UK", Holidays = [new DateOnly(2026, 12, 25)] }).GetAwaiter().GetResult();
        Overrides.AddAsync(new ScheduleOverride
        {
            Id = RouteSamples.OverrideId, VmId = "vm-0123456789abcdef", Desired = DesiredPower.On, Until = DateTimeOffset.MaxValue, Reason = "sample", CreatedAt = DateTimeOffset.UnixEpoch,
        }).GetAwaiter().GetResult();
    }

    public FakeRecordSet<Schedule> Schedules { get; } = new(s => s.Id, s => s.ETag, (s, e) => s with { ETag = e });

    public FakeRecordSet<ScheduleCalendar> Calendars { get; } = new(c => c.Id, c => c.ETag, (c, e) => c with { ETag = e });

    public FakeRecordSet<ScheduleOverride> Overrides { get; } = new(o => o.Id, o => o.ETag, (o, e) => o with { ETag = e });

    IRecordSet<Schedule> IScheduleStore.Schedules => Schedules;

    IRecordSet<ScheduleCalendar> IScheduleStore.Calendars => Calendars;

    IRecordSet<ScheduleOverride> IScheduleStore.Overrides => Overrides;

    public async Task<IReadOnlyList<ScheduleOverride>> ListActiveOverridesAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        [.. (await Overrides.ListAsync(cancellationToken).ConfigureAwait(false)).Where(o => o.Until > now)];
}
