using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary><c>GET /servers/{id}/os-instance-actions</c>, newest first; at 2.1 a deleted server's history is a 404, as in Nova.</summary>
    public async Task<NovaResult> ListInstanceActionsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await ExistsAsync(request, id).ConfigureAwait(false))
        {
            return NovaResult.ServerNotFound(id);
        }

        var page = await queries.ListActionsAsync(id, request.Acting, VmQueries.MaxLimit, null, request.Aborted).ConfigureAwait(false);
        var actions = new JsonArray([.. (page?.Items ?? []).Select(a => (JsonNode)InstanceActionView.Action(a, request.Caller))]);
        return NovaResult.Json(200, new JsonObject { ["instanceActions"] = actions });
    }

    /// <summary><c>GET /servers/{id}/os-instance-actions/{requestId}</c>, with the events.</summary>
    public async Task<NovaResult> ShowInstanceActionAsync(ComputeRequest request, string id, string requestId)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!await ExistsAsync(request, id).ConfigureAwait(false))
        {
            return NovaResult.ServerNotFound(id);
        }

        string? actionId = null;
        string? token = null;
        do
        {
            var page = await queries.ListActionsAsync(id, request.Acting, VmQueries.MaxLimit, token, request.Aborted).ConfigureAwait(false);
            actionId = page?.Items.FirstOrDefault(a => InstanceActionView.RequestIdOf(a) == requestId)?.Id;
            token = page?.ContinuationToken;
        }
        while (actionId is null && token is not null);

        var action = actionId is null ? null : await queries.GetActionAsync(id, actionId, request.Acting, request.Aborted).ConfigureAwait(false);
        return action is null
            ? NovaResult.Fault(404, $"Action for request_id {requestId} on instance {id} not found")
            : NovaResult.Json(200, new JsonObject { ["instanceAction"] = InstanceActionView.WithEvents(action, request.Caller) });
    }

    private async Task<bool> ExistsAsync(ComputeRequest request, string id) =>
        await queries.GetVmAsync(id, request.Acting, request.Aborted).ConfigureAwait(false) is { } vm && vm.VmState != VmState.HardDeleted;
}
