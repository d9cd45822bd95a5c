using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary><c>GET /api/vms/{id}/actions?limit=&amp;continuationToken=</c>, newest first.</summary>
    public Task<ApiResult> ListActionsAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var (limit, p1) = RequestReader.Limit(context.Request);
            var (token, p2) = RequestReader.Query(context.Request, "continuationToken");
            if ((p1 ?? p2) is { } problem)
            {
                return problem;
            }

            var page = await queries.ListActionsAsync(id, context.Caller(), limit, token, cancellationToken).ConfigureAwait(false);
            return page is null
                ? Problems.NotFound($"No VM has the id '{Shorten(id)}'.")
                : ApiResult.Json(StatusCodes.Status200OK, new PageResource<ActionResource>([.. page.Items.Select(ActionResource.From)], page.ContinuationToken));
        });
    }

    /// <summary><c>GET /api/vms/{id}/actions/{actionId}</c></summary>
    public Task<ApiResult> GetActionAsync(HttpContext context, string id, string actionId, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var action = VmIds.IsValid(id) && ActionIds.IsValid(actionId)
                ? await queries.GetActionAsync(id, actionId, context.Caller(), cancellationToken).ConfigureAwait(false)
                : null;
            return action is null
                ? Problems.NotFound($"VM '{Shorten(id)}' has no action '{Shorten(actionId)}'.")
                : ApiResult.Json(StatusCodes.Status200OK, ActionResource.From(action));
        });
}
