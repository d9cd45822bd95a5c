using NodaTime;
using NodaTime.TimeZones;

namespace VmControl.Application.Schedules;

/// <summary>
/// IANA zones (the tz database NodaTime ships) and the one rule for local times that are not exactly one instant:
/// a time in the spring gap maps to the first instant after the gap (the clocks' new time), and a time in the repeated
/// autumn hour maps to its earlier occurrence only, so a period starts or stops once.
/// </summary>
public static class ScheduleZones
{
    public static ZoneLocalMappingResolver Resolver { get; } =
        Resolvers.CreateMappingResolver(Resolvers.ReturnEarlier, Resolvers.ReturnStartOfIntervalAfter);

    public static bool IsKnown(string? id) => id is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    public static DateTimeZone Get(string id) =>
        DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) ?? throw new ArgumentException($"Unknown IANA time zone '{id}'.", nameof(id));

    public static Instant Resolve(DateTimeZone zone, LocalDate date, TimeOnly time)
    {
        ArgumentNullException.ThrowIfNull(zone);
        return zone.ResolveLocal(date + new LocalTime(time.Hour, time.Minute, time.Second), Resolver).ToInstant();
    }
}
