using VmControl.Application.Model;
using VmControl.OpenStack.Identity;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's instance-action views at 2.1 (<c>nova/api/openstack/compute/instance_actions.py</c>). The request id is
/// the one the facade returned in <c>x-compute-request-id</c>; an action started through the native API has none,
/// so it gets <c>req-</c> + its action id, which the show route also accepts.
/// </summary>
public static class InstanceActionView
{
    public static string RequestIdOf(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.RequestId ?? "req-" + action.Id;
    }

    public static JsonObject Action(ActionRecord action, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(caller);
        return new JsonObject
        {
            ["action"] = NovaActionNames.OfRecorded(action.Action),
            ["instance_uuid"] = action.VmId,
            ["request_id"] = RequestIdOf(action),
            ["user_id"] = KeystoneIds.UserOf(action.RequestedBy),
            ["project_id"] = caller.ProjectId,
            ["start_time"] = NovaJson.DbTime(action.RequestedAt),
            // Nova sets "Error" when any event failed and leaves it null otherwise.
            ["message"] = action.Status is ActionStatus.Failed or ActionStatus.Preempted ? "Error" : null,
        };
    }

    /// <summary>The show view; events only for admins, as Nova's 2.1 policy shows them.</summary>
    public static JsonObject WithEvents(ActionRecord action, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(caller);
        var view = Action(action, caller);
        if (caller.IsAdmin)
        {
            view["events"] = new JsonArray([.. action.Events.Select(Event)]);
        }

        return view;
    }

    /// <summary>Each VmControl step (<c>hypervisor.begin</c>, <c>task.succeeded</c>) is one event, instantaneous.</summary>
    private static JsonNode Event(ActionEvent e) => new JsonObject
    {
        ["event"] = e.Step,
        ["start_time"] = NovaJson.DbTime(e.At),
        ["finish_time"] = NovaJson.DbTime(e.At),
        ["result"] = e.Result == "ok" ? "Success" : "Error",
        ["traceback"] = e.Result == "ok" ? null : e.Detail,
    };
}
