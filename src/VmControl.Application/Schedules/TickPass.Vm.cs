using System.Text.Json;
using VmControl.Application.UseCases;

namespace VmControl.Application.Schedules;

internal sealed partial class TickPass
{
    /// <summary>
    /// One VM: reached → nothing (and any deviation resolves); differs → the checks that need no write (busy, lock,
    /// protection, issued already, manual hold), then a budget token, then the ordinary action.
    /// </summary>
    private async Task DecideAsync(ScheduleSnapshot snapshot, VmRecord vm, CancellationToken cancellationToken)
    {
        var claimed = snapshot.SchedulesOf(vm);
        if (claimed.Count == 0)
        {
            return;
        }

        scheduled++;
        var schedule = claimed[0];
        if (claimed.Count > 1)
        {
            Skip(vm, schedule, "schedule_conflict: " + string.Join(",", claimed.Select(s => s.Id)));
            deviating.Remove(vm.Id);
            return;
        }

        var state = snapshot.StateOf(schedule, vm);
        var (isReached, action, cannot) = PowerTarget.Decide(vm, state.Desired, schedule.StopKind);
        if (isReached)
        {
            reached++;
            return;
        }

        // Still differing: keep any deviation alert (the pass resolves those left in the set at the end).
        var wasDeviating = deviating.Remove(vm.Id);
        if (schedule.Mode == ScheduleMode.StopOnly && state.Desired == DesiredPower.On)
        {
            reached++;
            return;
        }

        if (vm.TaskState is { } task)
        {
            Skip(vm, schedule, "busy: " + task.ToWire());
            if (wasDeviating)
            {
                deviating.Add(vm.Id);
            }

            return;
        }

        var key = BoundaryKey(schedule, vm, state);
        var issuedBefore = await ports.Idempotency.GetAsync(KeyScope, key, now, cancellationToken).ConfigureAwait(false);
        reads++;
        if (issuedBefore is not null && vm.CurrentActionId is { } latest && latest != IssuedActionId(issuedBefore))
        {
            // Someone acted on the VM after this boundary's action: a new situation within the same boundary, so it
            // gets its own key (enforce undoes it once; respectManual holds below).
            key += ":after:" + latest;
            issuedBefore = await ports.Idempotency.GetAsync(KeyScope, key, now, cancellationToken).ConfigureAwait(false);
            reads++;
        }

        if (issuedBefore is not null)
        {
            await DeviatedAsync(vm, schedule, state, issuedBefore, wasDeviating, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (action is not { } act)
        {
            Skip(vm, schedule, cannot ?? "no_action");
            return;
        }

        if (Guarded(vm, act) is { } guarded)
        {
            Skip(vm, schedule, guarded);
            return;
        }

        if (schedule.Mode == ScheduleMode.RespectManual && await ManualSinceBoundaryAsync(vm, schedule, state, cancellationToken).ConfigureAwait(false) is { } manual)
        {
            Skip(vm, schedule, "manual_hold: " + manual);
            return;
        }

        var grant = await ports.Budget.TakeAsync(cancellationToken).ConfigureAwait(false);
        if (!grant.Granted)
        {
            deferred++;
            LogDeferred(logger, vm.Id, schedule.Id, grant.RetryAt);
            return;
        }

        var result = await ports.RequestAction.RequestAsync(new ActionRequest(vm.Id, act, Caller: schedule.Actor), cancellationToken).ConfigureAwait(false);
        if (result is CommandResult.Accepted accepted)
        {
            issued++;
            var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["actionId"] = accepted.Action.Id, ["action"] = act.ToWire(), ["desired"] = state.Desired.ToWire() });
            await ports.Idempotency.TryAddAsync(new IdempotencyRecord(KeyScope, key, string.Empty, 202, body, new Dictionary<string, string>(), now, now + TimeSpan.FromDays(8)), cancellationToken)
                .ConfigureAwait(false);
            LogIssued(logger, vm.Id, accepted.Action.Id, act.ToWire(), schedule.Id, state.BoundaryKey);
        }
        else
        {
            Skip(vm, schedule, Why(result));
        }
    }

    /// <summary>The idempotency key of this VM's action for the current boundary: one issue per boundary, whatever the ticks do.</summary>
    internal static string BoundaryKey(Schedule schedule, VmRecord vm, ScheduleState state) =>
        $"{Schedule.ActorName(schedule.Id)}:{vm.Id}:{state.BoundaryKey}";

    private static string? IssuedActionId(IdempotencyRecord record) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(record.Body)?.GetValueOrDefault("actionId");

    /// <summary>Lock and stop protection, checked before a token is spent on a request the opening would refuse.</summary>
    private static string? Guarded(VmRecord vm, VmAction action) =>
        vm.Locked ? "locked" : vm.StopProtection && action is VmAction.Stop or VmAction.Suspend ? "stop_protected" : null;

    /// <summary>
    /// The VM's newest action, when another actor requested it at or after the boundary: under <c>respectManual</c> it
    /// holds until the next boundary. One read, only for a VM that differs.
    /// </summary>
    private async Task<string?> ManualSinceBoundaryAsync(VmRecord vm, Schedule schedule, ScheduleState state, CancellationToken cancellationToken)
    {
        var latest = await ports.Actions.ListAsync(vm.Id, 1, null, cancellationToken).ConfigureAwait(false);
        reads++;
        return latest.Items.FirstOrDefault() is { } action
            && !string.Equals(action.RequestedBy, Schedule.ActorName(schedule.Id), StringComparison.Ordinal)
            && (state.Boundary is not { } boundary || action.RequestedAt >= boundary)
                ? $"{action.Action} by {action.RequestedBy} at {action.RequestedAt:O}"
                : null;
    }

    private static string Why(CommandResult result) => result switch
    {
        CommandResult.Guarded guarded => guarded.Refusal.Code,
        CommandResult.Refused refused => refused.Decision.Code.ToWire(),
        CommandResult.NotFound => "not_found",
        CommandResult.Unsupported unsupported => "unsupported: " + unsupported.Reason,
        _ => result.GetType().Name,
    };
}
