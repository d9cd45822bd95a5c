using VmControl.Application.Schedules;

namespace VmControl.Storage.Tests;

/// <summary>Schedules, calendars and overrides on Azurite: whole records, compare-and-swap, and overrides that expire by time.</summary>
public sealed class ScheduleStoreTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private readonly TableScheduleStore store = new(azurite.Tables);

    private static Schedule NewSchedule() => new()
    {
        Id = "s-" + Guid.NewGuid().ToString("N")[..10],
        Name = "office",
        TimeZone = "Europe/London",
        Periods = [new SchedulePeriod([DayOfWeek.Monday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(18, 30))],
        CalendarIds = ["uk"],
        Mode = ScheduleMode.RespectManual,
        StopKind = ScheduleStopKind.Suspend,
        VmIds = ["vm-1", "vm-2"],
        Selector = new Selector { Tags = new TagFilter(["env=dev"], [], [], ["keep"]), VmState = VmState.Active, NamePrefix = "web" },
        Project = "team-a",
        CreatedBy = "olivia",
        CreatedAt = TestData.Now,
        UpdatedAt = TestData.Now,
    };

    [Fact]
    public async Task AddThenGet_RoundTripsTheWholeSchedule()
    {
        var schedule = NewSchedule();

        var added = await store.Schedules.AddAsync(schedule);
        var read = await store.Schedules.GetAsync(schedule.Id);

        Assert.NotNull(added?.ETag);
        Assert.NotNull(read);
        Assert.Equal(added.ETag, read.ETag);
        Assert.Equal(schedule.Periods[0].Days, read.Periods[0].Days);
        Assert.Equal((schedule.Periods[0].Start, schedule.Periods[0].Stop), (read.Periods[0].Start, read.Periods[0].Stop));
        Assert.Equal(schedule.VmIds, read.VmIds);
        Assert.Equal(schedule.CalendarIds, read.CalendarIds);
        Assert.Equal(schedule.Selector!.Tags.All, read.Selector!.Tags.All);
        Assert.Equal(schedule.Selector.Tags.NotAny, read.Selector.Tags.NotAny);
        Assert.Equal(schedule.Selector with { Tags = TagFilter.None }, read.Selector with { Tags = TagFilter.None });
        Assert.Equal(
            (schedule.Mode, schedule.StopKind, schedule.Project, schedule.CreatedBy, schedule.CreatedAt, schedule.TimeZone),
            (read.Mode, read.StopKind, read.Project, read.CreatedBy, read.CreatedAt, read.TimeZone));
        Assert.Null(await store.Schedules.AddAsync(schedule));
    }

    [Fact]
    public async Task Replace_AtAnOldETag_IsRefused_AndDeleteHonoursIfMatch()
    {
        var added = (await store.Schedules.AddAsync(NewSchedule()))!;
        var first = await store.Schedules.TryReplaceAsync(added with { Name = "first" });

        var second = await store.Schedules.TryReplaceAsync(added with { Name = "second" });

        Assert.NotNull(first);
        Assert.Null(second);
        Assert.Equal("first", (await store.Schedules.GetAsync(added.Id))!.Name);
        Assert.Equal(RecordDeletion.Moved, await store.Schedules.DeleteAsync(added.Id, added.ETag));
        Assert.Equal(RecordDeletion.Deleted, await store.Schedules.DeleteAsync(added.Id, first.ETag));
        Assert.Equal(RecordDeletion.NotFound, await store.Schedules.DeleteAsync(added.Id, null));
    }

    [Fact]
    public async Task Calendars_RoundTripTheirDates()
    {
        var calendar = new ScheduleCalendar
        {
            Id = "c-" + Guid.NewGuid().ToString("N")[..10], Name = "UK", Holidays = [new DateOnly(2025, 12, 25)], ExtraDays = [new DateOnly(2025, 6, 7)],
        };

        await store.Calendars.AddAsync(calendar);
        var read = await store.Calendars.GetAsync(calendar.Id);

        Assert.Equal(calendar.Holidays, read!.Holidays);
        Assert.Equal(calendar.ExtraDays, read.ExtraDays);
        Assert.Contains(await store.Calendars.ListAsync(), c => c.Id == calendar.Id);
    }

    [Fact]
    public async Task ActiveOverrides_LeaveOutTheExpiredOnes_WithNoCleanUp()
    {
        var now = DateTimeOffset.UtcNow;
        ScheduleOverride Override(TimeSpan until) => new()
        {
            Id = "o-" + Guid.NewGuid().ToString("N")[..10], VmId = "vm-1", Desired = DesiredPower.On, Until = now + until, Reason = "release", Author = "olivia", CreatedAt = now,
        };
        var live = Override(TimeSpan.FromHours(3));
        var expired = Override(TimeSpan.FromMinutes(-1));
        await store.Overrides.AddAsync(live);
        await store.Overrides.AddAsync(expired);

        var active = await store.ListActiveOverridesAsync(now);
        var later = await store.ListActiveOverridesAsync(now + TimeSpan.FromHours(4));

        Assert.Contains(active, o => o.Id == live.Id && o.Reason == "release" && o.Until == live.Until);
        Assert.DoesNotContain(active, o => o.Id == expired.Id);
        Assert.DoesNotContain(later, o => o.Id == live.Id);
        Assert.NotNull(await store.Overrides.GetAsync(expired.Id));
    }
}
