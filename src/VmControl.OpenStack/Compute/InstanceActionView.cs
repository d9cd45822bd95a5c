using VmControl.Application.Model;
using VmControl.OpenStack.Identity;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's instance-action views (<c>nova/api/openstack/compute/instance_actions.py</c>) from 2.1 to 2.96. The request id
/// is the one the facade returned in <c>x-compute-request-id</c>; an action started through the native API has none,
/// so it gets <c>req-</c> + its action id, which the show route also accepts.
/// </summary>
public static class InstanceActionView
{
    public static string RequestIdOf(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return action.RequestId ?? "req-" + action.Id;
    }

    /// <summary>
    /// Nova's <c>updated_at</c>: when the action last changed (its latest event, start or end), else when it was
    /// requested; never null, as Tempest's schema wants a time.
    /// </summary>
    public static DateTimeOffset UpdatedAt(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        DateTimeOffset?[] times = [.. action.Events.Select(e => (DateTimeOffset?)e.At), action.StartedAt, action.FinishedAt, action.RequestedAt];
        return times.Max()!.Value;
    }

    public static JsonObject Action(ActionRecord action, Caller caller, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(caller);
        var view = new JsonObject
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
        if (version.AtLeast("2.58"))
        {
            view["updated_at"] = NovaJson.DbTime(UpdatedAt(action));
        }

        return view;
    }

    /// <summary>
    /// The show view. Events: admins always (with the traceback), everyone else from 2.51 (without). 2.62 adds the
    /// (empty: VmControl has no hosts) <c>hostId</c> to every event and <c>host</c> for admins, 2.84 the admins' <c>details</c>.
    /// </summary>
    public static JsonObject WithEvents(ActionRecord action, Caller caller, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(caller);
        var view = Action(action, caller, version);
        if (caller.IsAdmin || version.AtLeast("2.51"))
        {
            view["events"] = new JsonArray([.. action.Events.Select(e => Event(e, caller.IsAdmin, version))]);
        }

        return view;
    }

    /// <summary>Each VmControl step (<c>hypervisor.begin</c>, <c>task.succeeded</c>) is one event, instantaneous.</summary>
    private static JsonObject Event(ActionEvent e, bool admin, NovaVersion version)
    {
        var failed = e.Result != "ok";
        var view = new JsonObject
        {
            ["event"] = e.Step,
            ["start_time"] = NovaJson.DbTime(e.At),
            ["finish_time"] = NovaJson.DbTime(e.At),
            ["result"] = failed ? "Error" : "Success",
        };
        if (admin)
        {
            view["traceback"] = failed ? e.Detail : null;
        }

        if (version.AtLeast("2.62"))
        {
            view["hostId"] = string.Empty;
            if (admin)
            {
                view["host"] = string.Empty;
            }
        }

        if (version.AtLeast("2.84") && admin)
        {
            view["details"] = failed ? e.Detail : null;
        }

        return view;
    }
}
