namespace VmControl.Application.Schedules;

/// <summary>
/// Every schedule, calendar and active override as read once for an instant, with each schedule evaluated once: a tick
/// (or a VM's schedule query) then answers for any VM in memory.
/// </summary>
public sealed class ScheduleSnapshot
{
    private readonly Dictionary<string, List<Schedule>> byVmId = new(StringComparer.Ordinal);
    private readonly List<Schedule> bySelector = [];
    private readonly Dictionary<string, ScheduleState> states = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), ScheduleState> overridden = [];

    private ScheduleSnapshot(DateTimeOffset at, IReadOnlyList<Schedule> schedules, IReadOnlyList<ScheduleCalendar> calendars, IReadOnlyList<ScheduleOverride> overrides)
    {
        At = at;
        Schedules = [.. schedules.Where(s => s.Enabled)];
        Calendars = calendars;
        Overrides = [.. overrides.Where(o => o.IsActive(at)).OrderByDescending(o => o.CreatedAt)];
        foreach (var schedule in Schedules)
        {
            states[schedule.Id] = ScheduleEvaluator.Evaluate(schedule, calendars, at);
            foreach (var id in schedule.VmIds)
            {
                if (!byVmId.TryGetValue(id, out var list))
                {
                    byVmId[id] = list = [];
                }

                list.Add(schedule);
            }

            if (schedule.Selector is not null)
            {
                bySelector.Add(schedule);
            }
        }
    }

    public DateTimeOffset At { get; }

    public IReadOnlyList<Schedule> Schedules { get; }

    public IReadOnlyList<ScheduleCalendar> Calendars { get; }

    /// <summary>The active overrides, newest first (the newest one holding a VM decides).</summary>
    public IReadOnlyList<ScheduleOverride> Overrides { get; }

    /// <summary>The reads it took (one listing each of schedules, calendars, overrides, each within one page of 1,000).</summary>
    public int Reads => 3;

    public static async Task<ScheduleSnapshot> LoadAsync(IScheduleStore store, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var schedules = await store.Schedules.ListAsync(cancellationToken).ConfigureAwait(false);
        var calendars = await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false);
        var overrides = await store.ListActiveOverridesAsync(at, cancellationToken).ConfigureAwait(false);
        return new ScheduleSnapshot(at, schedules, calendars, overrides);
    }

    /// <summary>The enabled schedules that claim <paramref name="vm"/> (more than one is a conflict the tick does not act on).</summary>
    public IReadOnlyList<Schedule> SchedulesOf(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var found = byVmId.TryGetValue(vm.Id, out var named) ? named.Where(s => s.Claims(vm)).ToList() : [];
        foreach (var schedule in bySelector)
        {
            if (!found.Contains(schedule) && schedule.Claims(vm))
            {
                found.Add(schedule);
            }
        }

        return found;
    }

    /// <summary>The desired state of <paramref name="vm"/> under <paramref name="schedule"/> now, with the newest override holding it applied.</summary>
    public ScheduleState StateOf(Schedule schedule, VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var overriding = Overrides.FirstOrDefault(o => o.Holds(vm));
        if (overriding is null)
        {
            return states[schedule.Id];
        }

        var key = (schedule.Id, overriding.Id);
        if (!overridden.TryGetValue(key, out var state))
        {
            overridden[key] = state = ScheduleEvaluator.Apply(states[schedule.Id], overriding, schedule, Calendars);
        }

        return state;
    }

    public ScheduleState StateOf(Schedule schedule)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        return states[schedule.Id];
    }
}
