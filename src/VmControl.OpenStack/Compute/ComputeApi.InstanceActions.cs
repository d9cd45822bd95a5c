using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary>How many actions of one server the list reads at most.</summary>
    private const int MaxActionsScanned = 10_000;

    /// <summary>
    /// <c>GET /servers/{id}/os-instance-actions</c>, newest first. A deleted server's history is a 404 before 2.21 and
    /// shown from 2.21 (its tombstone keeps it); from 2.58 paged and filtered (<see cref="InstanceActionQuery"/>).
    /// </summary>
    public async Task<NovaResult> ListInstanceActionsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (query, fault) = InstanceActionQuery.Parse(request.Http.Request.Query, request.Version);
        if (fault is not null)
        {
            return fault;
        }

        if (!await ExistsAsync(request, id).ConfigureAwait(false))
        {
            return NovaResult.ServerNotFound(id);
        }

        var all = new List<ActionRecord>();
        string? token = null;
        do
        {
            var page = await queries.ListActionsAsync(id, request.Acting, VmQueries.MaxLimit, token, request.Aborted).ConfigureAwait(false);
            all.AddRange(page?.Items ?? []);
            token = page?.ContinuationToken;
        }
        while (token is not null && all.Count < MaxActionsScanned);

        var (shown, full, markerFault) = query!.Apply(all);
        if (markerFault is not null)
        {
            return markerFault;
        }

        var body = new JsonObject
        {
            ["instanceActions"] = new JsonArray([.. shown.Select(a => (JsonNode)InstanceActionView.Action(a, request.Caller, request.Version))]),
        };
        if (request.Version.AtLeast("2.58") && full)
        {
            body["links"] = new JsonArray(FlavorView.Link("next", NextLink(request, $"/servers/{id}/os-instance-actions", InstanceActionView.RequestIdOf(shown[^1]))));
        }

        return NovaResult.Json(200, body);
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
            ? NovaResult.Fault(404, $"Action {requestId} not found")
            : NovaResult.Json(200, new JsonObject { ["instanceAction"] = InstanceActionView.WithEvents(action, request.Caller, request.Version) });
    }

    /// <summary>From 2.21 Nova reads deleted instances here, so a hard-deleted VM's tombstone still answers.</summary>
    private async Task<bool> ExistsAsync(ComputeRequest request, string id) =>
        await queries.GetVmAsync(id, request.Acting, request.Aborted).ConfigureAwait(false) is { } vm
        && (vm.VmState != VmState.HardDeleted || request.Version.AtLeast("2.21"));

    /// <summary>Nova's next link: the same query with the marker moved to the last item shown.</summary>
    private static string NextLink(ComputeRequest request, string path, string marker)
    {
        var query = request.Http.Request.Query;
        var next = QueryString.Create(query.Where(q => q.Key != "marker").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
            .Append(KeyValuePair.Create("marker", (string?)marker)));
        return request.ComputeUrl + path + next;
    }
}
