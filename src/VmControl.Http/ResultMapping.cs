using VmControl.Application.UseCases;
using VmControl.Http.Contracts;

namespace VmControl.Http;

/// <summary>Each <see cref="CommandResult"/> to its one HTTP answer (docs/api.md).</summary>
public static class ResultMapping
{
    /// <summary>Maps a command's result; <paramref name="bodyIsVm"/> picks the VM (create, reset) or the action (actions, delete) as the 2xx body.</summary>
    public static ApiResult ToHttp(CommandResult result, bool bodyIsVm) => result switch
    {
        CommandResult.Accepted a => Accepted(a.Vm, a.Action, bodyIsVm),
        CommandResult.AlreadyDeleting d => Deleting(d),
        CommandResult.Reset r => ApiResult.Json(StatusCodes.Status200OK, VmResource.From(r.Vm), ETag(r.Vm)),
        CommandResult.Invalid i => Problems.Invalid(i.Field, i.Message),
        CommandResult.NotFound n => Problems.NotFound($"No VM has the id '{n.VmId}'."),
        CommandResult.Refused r => Problems.Refused(r.Decision),
        CommandResult.PreconditionFailed p => Problems.PreconditionFailed(p.CurrentETag),
        CommandResult.Unsupported u => Problems.Unsupported(u.Action, u.Driver, u.Reason),
        CommandResult.Guarded g => Problems.Guarded(g.Refusal),
        CommandResult.Forbidden f => Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Your role does not allow this.", f.Message, new Dictionary<string, object?> { ["field"] = f.Field }),
        CommandResult.Updated u => ApiResult.Json(StatusCodes.Status200OK, VmResource.From(u.Vm), ETag(u.Vm)),
        _ => throw new InvalidOperationException($"Unmapped command result {result.GetType().Name}."),
    };

    public static string VmLocation(string vmId) => $"/api/vms/{vmId}";

    public static string ActionLocation(string vmId, string actionId) => $"/api/vms/{vmId}/actions/{actionId}";

    public static Dictionary<string, string> ETag(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.ETag is null ? [] : new() { [ApiHeaders.ETag] = vm.ETag };
    }

    private static ApiResult Accepted(VmRecord vm, ActionRecord action, bool bodyIsVm)
    {
        var headers = Locations(vm.Id, action.Id);
        return bodyIsVm
            ? ApiResult.Json(StatusCodes.Status202Accepted, VmResource.From(vm), headers)
            : ApiResult.Json(StatusCodes.Status202Accepted, ActionResource.From(action), headers);
    }

    private static ApiResult Deleting(CommandResult.AlreadyDeleting d)
    {
        var status = d.Finished ? StatusCodes.Status200OK : StatusCodes.Status202Accepted;
        if (d.Action is null)
        {
            // A repeat that arrives while the first delete is still pre-empting (its action record is written after the
            // old task has ended) still names the same action, as api.md promises: the VM already carries its id.
            var headers = d.Vm.CurrentActionId is { } current
                ? Locations(d.Vm.Id, current)
                : new Dictionary<string, string> { [ApiHeaders.Location] = VmLocation(d.Vm.Id) };
            return ApiResult.Json(status, VmResource.From(d.Vm), headers);
        }

        return ApiResult.Json(status, ActionResource.From(d.Action), Locations(d.Vm.Id, d.Action.Id));
    }

    private static Dictionary<string, string> Locations(string vmId, string actionId) => new()
    {
        [ApiHeaders.Location] = VmLocation(vmId),
        [ApiHeaders.OperationLocation] = ActionLocation(vmId, actionId),
    };
}
