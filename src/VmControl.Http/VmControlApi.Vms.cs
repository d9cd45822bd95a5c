using VmControl.Application.UseCases;
using VmControl.Domain;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary><c>POST /api/vms</c></summary>
    public Task<ApiResult> CreateVmAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (create, problem) = RequestReader.Parse<CreateVmBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var placement = new Dictionary<string, string>(create!.Placement ?? [], StringComparer.Ordinal);
            Put(placement, "resourceId", create.ResourceId);
            Put(placement, "location", create.Location);
            Put(placement, "resourceGroup", create.ResourceGroup);
            var request = new CreateVmRequest(
                create.Name, create.Size, create.Image, create.Tags, placement, context.Caller(),
                Project: create.Project, DeleteProtection: create.DeleteProtection ?? false, StopProtection: create.StopProtection ?? false,
                Description: create.Description, AccessIPv4: create.AccessIPv4, AccessIPv6: create.AccessIPv6);
            var result = await createVm.CreateAsync(request, cancellationToken).ConfigureAwait(false);
            return ResultMapping.ToHttp(result, bodyIsVm: true);
        }, cancellationToken);
    }

    /// <summary><c>GET /api/vms/{id}</c></summary>
    public Task<ApiResult> GetVmAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var vm = await queries.GetVmAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false);
            return vm is null
                ? Problems.NotFound($"No VM has the id '{Shorten(id)}'.")
                : ApiResult.Json(StatusCodes.Status200OK, VmResource.From(vm), ResultMapping.ETag(vm));
        });

    /// <summary><c>GET /api/vms?project=&amp;name=&amp;excludeHardDeleted=&amp;vmState=&amp;taskState=&amp;powerState=&amp;tags=&amp;tags-any=&amp;not-tags=&amp;not-tags-any=&amp;limit=&amp;continuationToken=</c> (<c>name</c>: a name prefix; <c>excludeHardDeleted=true</c>: no tombstones; the tag filters as Nova's)</summary>
    public Task<ApiResult> ListVmsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var request = context.Request;
            var (vmState, p1) = RequestReader.Enum<VmState>(request, "vmState");
            var idle = request.Query["taskState"] == "none";
            var (taskState, p2) = idle ? (null, null) : RequestReader.Enum<TaskState>(request, "taskState");
            var (powerState, p3) = RequestReader.Enum<PowerState>(request, "powerState");
            var (limit, p4) = RequestReader.Limit(request);
            var (token, p5) = RequestReader.Query(request, "continuationToken");
            var (project, p6) = RequestReader.Query(request, "project", Projects.MaxLength);
            var (name, p7) = RequestReader.Query(request, "name", VmValidation.MaxNameLength);
            var (exclude, p8) = RequestReader.Query(request, "excludeHardDeleted", 5);
            if (exclude is not (null or "true" or "false"))
            {
                p8 ??= Problems.Invalid("excludeHardDeleted", "excludeHardDeleted must be true or false.");
            }

            var (tags, p9) = RequestReader.Tags(request);
            if ((p1 ?? p2 ?? p3 ?? p4 ?? p5 ?? p6 ?? p7 ?? p8 ?? p9) is { } problem)
            {
                return problem;
            }

            // project= narrows an admin's listing; anyone else sees their own project whatever they name.
            var query = new VmQuery(vmState, taskState, powerState, limit, token, idle, project, name, exclude == "true", tags);
            var page = await queries.ListVmsAsync(query, context.Caller(), cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new PageResource<VmResource>([.. page.Items.Select(VmResource.From)], page.ContinuationToken));
        });
    }

    /// <summary><c>POST /api/vms/{id}/actions</c></summary>
    public Task<ApiResult> RequestActionAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (action, problem) = RequestReader.Parse<ActionBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var (verb, invalid) = ActionOf(action!);
            if (invalid is not null)
            {
                return invalid;
            }

            if (!VmIds.IsValid(id))
            {
                return Problems.NotFound($"No VM has the id '{Shorten(id)}'.");
            }

            var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
            Put(parameters, "size", action!.Size);
            Put(parameters, "image", action.Image);
            Put(parameters, "name", action.Name);
            var request = new ActionRequest(id, verb, parameters, RequestReader.IfMatch(context.Request), context.Caller());
            var result = await requestAction.RequestAsync(request, cancellationToken).ConfigureAwait(false);
            return ResultMapping.ToHttp(result, bodyIsVm: false);
        }, cancellationToken);
    }

    /// <summary><c>DELETE /api/vms/{id}</c></summary>
    public Task<ApiResult> DeleteVmAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async _ =>
        {
            if (!VmIds.IsValid(id))
            {
                return Problems.NotFound($"No VM has the id '{Shorten(id)}'.");
            }

            var result = await deleteVm.DeleteAsync(id, RequestReader.IfMatch(context.Request), context.Caller(), cancellationToken)
                .ConfigureAwait(false);
            return ResultMapping.ToHttp(result, bodyIsVm: false);
        }, cancellationToken);
    }

    /// <summary><c>POST /api/vms/{id}/reset-state</c> (admin)</summary>
    public Task<ApiResult> ResetStateAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (reset, problem) = RequestReader.Parse<ResetStateBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            if (!VmIds.IsValid(id))
            {
                return Problems.NotFound($"No VM has the id '{Shorten(id)}'.");
            }

            var request = new ResetStateRequest(id, reset!.VmState, reset.Reason, RequestReader.IfMatch(context.Request), context.Caller());
            var result = await resetVmState.ResetAsync(request, cancellationToken).ConfigureAwait(false);
            return ResultMapping.ToHttp(result, bodyIsVm: true);
        }, cancellationToken);
    }

    /// <summary>The action verb: a lifecycle wire name; <c>reboot</c> with <c>type: hard</c> is <c>reboot_hard</c>.</summary>
    private static (VmAction Action, ApiResult? Problem) ActionOf(ActionBody body)
    {
        if (!WireNames.TryParse<VmAction>(body.Action, out var action))
        {
            return (default, Problems.NotOneOf<VmAction>("action"));
        }

        if (action == VmAction.Create)
        {
            return (default, Problems.Invalid("action", "create is POST /api/vms, not an action on a VM."));
        }

        if (body.Type is null)
        {
            return (action, null);
        }

        return (action, body.Type) switch
        {
            (VmAction.Reboot, "soft") => (VmAction.Reboot, null),
            (VmAction.Reboot, "hard") or (VmAction.RebootHard, "hard") => (VmAction.RebootHard, null),
            (VmAction.Reboot, _) => (default, Problems.Invalid("type", "type must be 'soft' or 'hard'.")),
            _ => (default, Problems.Invalid("type", "type applies only to reboot.")),
        };
    }

    private static void Put(Dictionary<string, string> target, string key, string? value)
    {
        if (value is not null)
        {
            target[key] = value;
        }
    }

    // Echoing an unbounded or control-laden id back would let a caller shape our error bodies.
    private static string Shorten(string? id) =>
        id is null ? string.Empty : new string([.. id.Take(64).Select(c => char.IsControl(c) ? '?' : c)]);
}
