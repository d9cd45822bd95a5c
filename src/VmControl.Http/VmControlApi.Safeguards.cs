using VmControl.Application.UseCases;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary>
    /// <c>PATCH /api/vms/{id}</c> (JSON merge patch) with <c>deleteProtection</c>, <c>stopProtection</c>, <c>name</c>,
    /// <c>description</c>, <c>accessIPv4</c>, <c>accessIPv6</c>: one compare-and-swap; honours <c>If-Match</c>.
    /// </summary>
    public Task<ApiResult> UpdateVmAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (patch, problem) = RequestReader.Parse<VmPatchBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var (details, wrongField) = patch!.Details();
            if (wrongField is not null)
            {
                return Problems.Invalid(wrongField, wrongField == "name" ? "name must be a string." : $"{wrongField} must be a string or null.");
            }

            if (patch.DeleteProtection is null && patch.StopProtection is null && details is null)
            {
                return Problems.Invalid("body", "Name at least one of deleteProtection, stopProtection, name, description, accessIPv4, accessIPv6.");
            }

            return await ChangeAsync(
                new SafeguardChange(
                    id, context.Caller(), RequestReader.IfMatch(context.Request), DeleteProtection: patch.DeleteProtection, StopProtection: patch.StopProtection, Details: details),
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary><c>POST /api/vms/{id}/lock</c> with an optional <c>{ "reason" }</c>.</summary>
    public Task<ApiResult> LockVmAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (lockBody, problem) = RequestReader.Parse<LockBody>(body, optional: true);
            if (problem is not null)
            {
                return problem;
            }

            return await ChangeAsync(
                new SafeguardChange(id, context.Caller(), RequestReader.IfMatch(context.Request), Lock: true, LockReason: lockBody?.Reason),
                cancellationToken).ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary><c>POST /api/vms/{id}/unlock</c></summary>
    public Task<ApiResult> UnlockVmAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => ChangeAsync(new SafeguardChange(id, context.Caller(), RequestReader.IfMatch(context.Request), Lock: false), cancellationToken), cancellationToken);
    }

    /// <summary><c>GET /api/me</c></summary>
    public Task<ApiResult> GetCallerAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var caller = context.Caller();
        var routes = Routing.ApiRoutes.All.Where(r => r.Role is null || caller.Has(r.Role.Value)).Select(r => r.Method + " " + r.Template);
        var resource = new CallerResource(caller.Name, caller.Role.ToWire(), caller.Project, caller.IsAdmin, [.. routes]);
        return Task.FromResult(ApiResult.Json(StatusCodes.Status200OK, resource));
    }

    private async Task<ApiResult> ChangeAsync(SafeguardChange change, CancellationToken cancellationToken)
    {
        if (!VmIds.IsValid(change.VmId))
        {
            return Problems.NotFound($"No VM has the id '{Shorten(change.VmId)}'.");
        }

        var result = await changeSafeguards.ChangeAsync(change, cancellationToken).ConfigureAwait(false);
        return ResultMapping.ToHttp(result, bodyIsVm: true);
    }
}
