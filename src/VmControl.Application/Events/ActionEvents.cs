using System.Text.Json.Nodes;

namespace VmControl.Application.Events;

/// <summary>
/// The <c>vmcontrol.action.*</c> events of one write of an action's record: accepted when it is added, started when its
/// start is first recorded, and its end (succeeded, failed, pre-empted) when that is first recorded. An action recorded
/// already finished (lock, unlock, reset-state) publishes all three at once, in that order.
/// </summary>
public static class ActionEvents
{
    public static IReadOnlyList<VmEvent> Appended(ActionRecord action, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(action);
        var state = action.StateOf(etag: null);
        var events = new List<VmEvent> { Build(action.VmId, action.Id, EventTypes.ActionAccepted, state, at, 0) };
        events.AddRange(Changes(action.VmId, action.Id, new ActionState(null, [], null, null), state, at, events.Count));
        return events;
    }

    public static IReadOnlyList<VmEvent> Between(string vmId, string actionId, ActionState before, ActionState after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return Changes(vmId, actionId, before, after, at, 0);
    }

    private static List<VmEvent> Changes(string vmId, string actionId, ActionState before, ActionState after, DateTimeOffset at, int sequence)
    {
        var events = new List<VmEvent>(2);
        if (before.StartedAt is null && after.StartedAt is not null)
        {
            events.Add(Build(vmId, actionId, EventTypes.ActionStarted, after, at, sequence + events.Count));
        }

        if (before.End is null && after.End is { } end)
        {
            var type = end.Status switch
            {
                ActionStatus.Succeeded => EventTypes.ActionSucceeded,
                ActionStatus.Preempted => EventTypes.ActionPreempted,
                _ => EventTypes.ActionFailed,
            };
            events.Add(Build(vmId, actionId, type, after, at, sequence + events.Count));
        }

        return events;
    }

    private static VmEvent Build(string vmId, string actionId, string type, ActionState state, DateTimeOffset at, int sequence)
    {
        var identity = state.Identity;
        var data = new JsonObject
        {
            ["vmId"] = vmId,
            ["actionId"] = actionId,
            ["action"] = identity?.Action,
            ["actor"] = identity?.RequestedBy,
            ["status"] = state.Status.ToWire(),
            ["vmStateBefore"] = identity?.VmStateBefore.ToWire(),
            ["vmStateAfter"] = state.End?.VmStateAfter?.ToWire(),
            ["error"] = EventData.Error(state.End?.Error),
        };
        return new VmEvent(
            EventIds.New(at, sequence), type, VmEvent.SubjectOf(vmId), identity?.Project ?? Projects.Default, at, EventData.Text(data));
    }
}
