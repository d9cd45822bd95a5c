using Microsoft.Extensions.Time.Testing;
using VmControl.Application.Schedules;
using static VmControl.Application.Tests.Schedules.ScheduleSamples;

namespace VmControl.Application.Tests.Schedules;

/// <summary>The pure evaluation: desired state, boundaries and changes, with the clock a test moves.</summary>
public sealed class ScheduleEvaluatorTests
{
    private static readonly ScheduleCalendar[] NoCalendars = [];

    /// <summary>
    /// A clock ticking every minute across each 2025 DST change week in London: the desired state flips exactly once on
    /// and once off on each weekday, at 08:00 and 18:00 local (07:00/17:00 UTC in summer time), never on the weekend.
    /// </summary>
    [Theory]
    [InlineData(2025, 3, 24, 0)] // the week before 30 March: GMT
    [InlineData(2025, 3, 31, 1)] // the week after: BST
    [InlineData(2025, 10, 20, 1)] // the week before 26 October: BST
    [InlineData(2025, 10, 27, 0)] // the week after: GMT
    public void LondonOfficeHours_AcrossTheDstChanges_OneStartAndOneStopEachWeekdayAtLocalTime(int year, int month, int monday, int utcOffset)
    {
        // From the Saturday before, so the weekend around each change is crossed minute by minute too.
        var clock = new FakeTimeProvider(Utc(year, month, monday, 0).AddDays(-2));
        var schedule = OfficeHours();
        var changes = new List<ScheduleChange>();
        var last = ScheduleEvaluator.Evaluate(schedule, NoCalendars, clock.GetUtcNow()).Desired;
        for (var minute = 0; minute < 9 * 24 * 60; minute++)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var desired = ScheduleEvaluator.Evaluate(schedule, NoCalendars, clock.GetUtcNow()).Desired;
            if (desired != last)
            {
                changes.Add(new ScheduleChange(clock.GetUtcNow(), desired));
                last = desired;
            }
        }

        var expected = Enumerable.Range(0, 5).SelectMany(d => new[]
        {
            new ScheduleChange(Utc(year, month, monday, 8 - utcOffset).AddDays(d), DesiredPower.On),
            new ScheduleChange(Utc(year, month, monday, 18 - utcOffset).AddDays(d), DesiredPower.Off),
        });
        Assert.Equal(expected, changes);
    }

    [Fact]
    public void Preview_AcrossBothDstChanges_OneStartAndOneStopEachWeekday()
    {
        var changes = ScheduleEvaluator.Preview(OfficeHours(), NoCalendars, Utc(2025, 3, 1, 0), Utc(2025, 11, 1, 0));

        var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        var byDay = changes.GroupBy(c => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.At, london).DateTime)).ToList();
        Assert.All(byDay, day =>
        {
            Assert.Equal(
                [(DesiredPower.On, new TimeOnly(8, 0)), (DesiredPower.Off, new TimeOnly(18, 0))],
                day.Select(c => (c.Desired, TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(c.At, london).DateTime))));
            Assert.DoesNotContain(day.Key.DayOfWeek, new[] { DayOfWeek.Saturday, DayOfWeek.Sunday });
        });
        Assert.Equal(175, byDay.Count); // the weekdays of March to October 2025
    }

    [Fact]
    public void Holiday_NoStartThatDay()
    {
        var calendar = new ScheduleCalendar { Id = "uk", Name = "UK bank holidays", Holidays = [new DateOnly(2025, 12, 25), new DateOnly(2025, 12, 26)] };

        var changes = ScheduleEvaluator.Preview(OfficeHours("Europe/London", "uk"), [calendar], Utc(2025, 12, 24, 0), Utc(2025, 12, 30, 0));
        var state = ScheduleEvaluator.Evaluate(OfficeHours("Europe/London", "uk"), [calendar], Utc(2025, 12, 25, 10));

        Assert.Equal(
            [Utc(2025, 12, 24, 8), Utc(2025, 12, 24, 18), Utc(2025, 12, 29, 8), Utc(2025, 12, 29, 18)],
            changes.Select(c => c.At));
        Assert.Equal(DesiredPower.Off, state.Desired);
        Assert.Contains("holiday 2025-12-25", state.Why, StringComparison.Ordinal);
        Assert.Equal(Utc(2025, 12, 29, 8), state.NextChange);
    }

    [Fact]
    public void ExtraDay_StartsTheSchedulesPeriodsOnAWeekend()
    {
        var calendar = new ScheduleCalendar { Id = "x", Name = "release weekend", ExtraDays = [new DateOnly(2025, 6, 7)] };

        var changes = ScheduleEvaluator.Preview(OfficeHours("Europe/London", "x"), [calendar], Utc(2025, 6, 7, 0), Utc(2025, 6, 8, 23));

        Assert.Equal([Utc(2025, 6, 7, 7), Utc(2025, 6, 7, 17)], changes.Select(c => c.At));
    }

    [Fact]
    public void OverrideUntil2100_KeepsItOnThenTheStopIsAt2100()
    {
        var schedule = OfficeHours();
        var overriding = new ScheduleOverride
        {
            Id = "o1", VmId = "vm-1", Desired = DesiredPower.On, Until = Utc(2025, 11, 12, 21), Reason = "release", Author = "olivia",
            CreatedAt = Utc(2025, 11, 12, 15),
        };

        ScheduleState At(DateTimeOffset at)
        {
            var state = ScheduleEvaluator.Evaluate(schedule, NoCalendars, at);
            return overriding.IsActive(at) ? ScheduleEvaluator.Apply(state, overriding, schedule, NoCalendars) : state;
        }

        Assert.Equal((DesiredPower.On, Utc(2025, 11, 12, 21)), (At(Utc(2025, 11, 12, 18)).Desired, At(Utc(2025, 11, 12, 18)).NextChange));
        Assert.Equal(DesiredPower.On, At(Utc(2025, 11, 12, 20, 59)).Desired);
        Assert.Equal(DesiredPower.Off, At(Utc(2025, 11, 12, 21)).Desired);
        Assert.Equal("override-o1", At(Utc(2025, 11, 12, 19)).BoundaryKey);
    }

    [Fact]
    public void PeriodAcrossMidnight_OnFrom2200UntilTheNextDay0600()
    {
        var schedule = Period("Europe/London", new TimeOnly(22, 0), new TimeOnly(6, 0), DayOfWeek.Monday);

        Assert.Equal(DesiredPower.Off, ScheduleEvaluator.Evaluate(schedule, NoCalendars, Utc(2025, 1, 6, 21, 59)).Desired);
        Assert.Equal(DesiredPower.On, ScheduleEvaluator.Evaluate(schedule, NoCalendars, Utc(2025, 1, 6, 22)).Desired);
        var early = ScheduleEvaluator.Evaluate(schedule, NoCalendars, Utc(2025, 1, 7, 5, 59));
        Assert.Equal((DesiredPower.On, Utc(2025, 1, 6, 22), Utc(2025, 1, 7, 6)), (early.Desired, early.Boundary, early.NextChange));
        Assert.Equal(DesiredPower.Off, ScheduleEvaluator.Evaluate(schedule, NoCalendars, Utc(2025, 1, 7, 6)).Desired);
        Assert.Equal(
            [Utc(2025, 1, 6, 22), Utc(2025, 1, 7, 6)],
            ScheduleEvaluator.Preview(schedule, NoCalendars, Utc(2025, 1, 5, 0), Utc(2025, 1, 12, 0)).Select(c => c.At));
    }

    /// <summary>Weekdays are the zone's: Monday 08:00 at UTC+12 is Sunday 20:00 UTC; Friday 18:00 at UTC-10 is Saturday 04:00 UTC.</summary>
    [Theory]
    [InlineData("Pacific/Tarawa", 2025, 1, 5, 20, 2025, 1, 10, 6)] // UTC+12, no DST
    [InlineData("Pacific/Honolulu", 2025, 1, 6, 18, 2025, 1, 11, 4)] // UTC-10, no DST
    public void FarZones_WeekdaysAreLocal(string zone, int y1, int m1, int d1, int h1, int y2, int m2, int d2, int h2)
    {
        var changes = ScheduleEvaluator.Preview(OfficeHours(zone), NoCalendars, Utc(2025, 1, 5, 0), Utc(2025, 1, 12, 0));

        Assert.Equal(10, changes.Count);
        Assert.Equal(new ScheduleChange(Utc(y1, m1, d1, h1), DesiredPower.On), changes[0]);
        Assert.Equal(new ScheduleChange(Utc(y2, m2, d2, h2), DesiredPower.Off), changes[^1]);
    }

    [Fact]
    public void SpringGap_AStartAtATimeThatDoesNotExist_StartsAtTheFirstValidInstant()
    {
        // 30 March 2025, London: 01:00 GMT jumps to 02:00 BST, so 01:30 never happens that day.
        var schedule = Period("Europe/London", new TimeOnly(1, 30), new TimeOnly(3, 0), DayOfWeek.Sunday);

        var changes = ScheduleEvaluator.Preview(schedule, NoCalendars, Utc(2025, 3, 29, 0), Utc(2025, 3, 31, 0));

        Assert.Equal([new ScheduleChange(Utc(2025, 3, 30, 1), DesiredPower.On), new ScheduleChange(Utc(2025, 3, 30, 2), DesiredPower.Off)], changes);
    }

    [Fact]
    public void AutumnRepeatedHour_APeriodInsideItRunsOnce()
    {
        // 26 October 2025, London: 01:00-02:00 happens twice (BST, then GMT); the period runs in the first one only.
        var schedule = Period("Europe/London", new TimeOnly(1, 15), new TimeOnly(1, 45), DayOfWeek.Sunday);

        var changes = ScheduleEvaluator.Preview(schedule, NoCalendars, Utc(2025, 10, 25, 0), Utc(2025, 10, 27, 0));

        Assert.Equal([new ScheduleChange(Utc(2025, 10, 26, 0, 15), DesiredPower.On), new ScheduleChange(Utc(2025, 10, 26, 0, 45), DesiredPower.Off)], changes);
    }

    [Fact]
    public void Boundary_IsTheSameAfterAnOutage_SoACatchUpHasTheKeyOfTheMissedStart()
    {
        var at0800 = ScheduleEvaluator.Evaluate(OfficeHours(), NoCalendars, Utc(2025, 1, 6, 8));
        var at0820 = ScheduleEvaluator.Evaluate(OfficeHours(), NoCalendars, Utc(2025, 1, 6, 8, 20));
        var at0755 = ScheduleEvaluator.Evaluate(OfficeHours(), NoCalendars, Utc(2025, 1, 6, 7, 55));

        Assert.Equal(at0800.BoundaryKey, at0820.BoundaryKey);
        Assert.Equal("2025-01-06T08:00Z", at0820.BoundaryKey);
        Assert.Equal(Utc(2025, 1, 3, 18), at0755.Boundary);
        Assert.Equal(Utc(2025, 1, 6, 8), at0755.NextChange);
    }
}
