namespace VmControl.Application.Schedules;

/// <summary>The read side of schedules: a VM's desired state now, and a schedule's preview.</summary>
public sealed class ScheduleQueries(IScheduleStore store, TimeProvider time)
{
    /// <summary>The schedules' answer for <paramref name="vm"/> at the current instant (three reads: schedules, calendars, overrides).</summary>
    public async Task<VmScheduleView> ForVmAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var snapshot = await ScheduleSnapshot.LoadAsync(store, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var claimed = snapshot.SchedulesOf(vm);
        if (claimed.Count != 1)
        {
            return new VmScheduleView(claimed, null, false, null, claimed.Count > 1 ? "schedule_conflict" : null);
        }

        var state = snapshot.StateOf(claimed[0], vm);
        var (reached, action, blocked) = PowerTarget.Decide(vm, state.Desired, claimed[0].StopKind);
        if (claimed[0].Mode == ScheduleMode.StopOnly && state.Desired == DesiredPower.On)
        {
            action = null;
        }

        return new VmScheduleView(claimed, state, reached, action, blocked);
    }

    /// <summary>Every change the schedule would make between the instants (its calendars applied), after its state at <paramref name="from"/>.</summary>
    public async Task<(ScheduleState Start, IReadOnlyList<ScheduleChange> Changes)> PreviewAsync(
        Schedule schedule, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var calendars = await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false);
        return (ScheduleEvaluator.Evaluate(schedule, calendars, from), ScheduleEvaluator.Preview(schedule, calendars, from, to));
    }

    /// <summary>The schedule's state now (for its resource).</summary>
    public async Task<ScheduleState> NowAsync(Schedule schedule, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var calendars = await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false);
        return ScheduleEvaluator.Evaluate(schedule, calendars, time.GetUtcNow());
    }
}
