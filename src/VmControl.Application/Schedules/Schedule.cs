namespace VmControl.Application.Schedules;

/// <summary>
/// A desired power state by time of day (docs/schedules.md): periods in an IANA time zone, calendars of dated
/// exceptions, a mode and a stop kind, and its members (VM ids and/or a selector).
/// </summary>
public sealed record Schedule
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>An IANA time zone id (<c>Europe/London</c>); the periods' times and days are local to it.</summary>
    public required string TimeZone { get; init; }

    public IReadOnlyList<SchedulePeriod> Periods { get; init; } = [];

    /// <summary>The ids of the calendars whose holidays and extra days apply.</summary>
    public IReadOnlyList<string> CalendarIds { get; init; } = [];

    public ScheduleMode Mode { get; init; } = ScheduleMode.Enforce;

    public ScheduleStopKind StopKind { get; init; } = ScheduleStopKind.Stop;

    /// <summary>Members named by id.</summary>
    public IReadOnlyList<string> VmIds { get; init; } = [];

    /// <summary>Members named by a selector, resolved at every tick; null when only ids are named.</summary>
    public Selector? Selector { get; init; }

    /// <summary>A disabled schedule issues nothing and claims no VM.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>The project whose VMs it may act on; null for an admin's schedule, which may name any project's VMs.</summary>
    public string? Project { get; init; }

    public string CreatedBy { get; init; } = "anonymous";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public string? ETag { get; init; }

    /// <summary>The caller a schedule's actions are requested as: a system actor, so a lock holds against it.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public Caller Actor => Caller.System(ActorName(Id));

    public static string ActorName(string scheduleId) => "schedule:" + scheduleId;

    /// <summary>Whether <paramref name="vm"/> is a member now: named by id, or matched by the selector, in the schedule's project.</summary>
    public bool Claims(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (!Enabled || vm.VmState == VmState.HardDeleted || (Project is { } project && vm.Project != project))
        {
            return false;
        }

        return VmIds.Contains(vm.Id, StringComparer.Ordinal) || (Selector is { } selector && selector.Matches(vm));
    }
}
