using System.Security.Cryptography;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary><c>GET /servers</c> (brief) and <c>GET /servers/detail</c>.</summary>
    public async Task<NovaResult> ListServersAsync(ComputeRequest request, bool detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Http.Request.Query;
        var (listing, fault) = ServerListing.Parse(query, request.Version);
        if (fault is not null)
        {
            return fault;
        }

        var (page, more, markerFault) = await listing!.RunAsync(queries, request.Acting, time, request.Aborted).ConfigureAwait(false);
        if (markerFault is not null)
        {
            return markerFault;
        }

        var servers = new JsonArray([.. page.Select(vm => (JsonNode)(detail ? view.Render(vm, request, ServerViewKind.DetailList) : ServerView.Brief(vm, request.ComputeUrl)))]);
        var body = new JsonObject { ["servers"] = servers };
        if (more)
        {
            // Nova's next link: the same query with the marker moved to the last server shown.
            var next = QueryString.Create(query.Where(q => q.Key != "marker").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create("marker", (string?)page[^1].Id)));
            var path = request.ComputeUrl + "/servers" + (detail ? "/detail" : string.Empty);
            body["servers_links"] = new JsonArray(FlavorView.Link("next", path + next));
        }

        return NovaResult.Json(200, body);
    }

    /// <summary><c>GET /servers/{id}</c>: a hard-deleted VM's tombstone is a 404 here, as a deleted server is in Nova.</summary>
    public async Task<NovaResult> ShowServerAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var vm = await queries.GetVmAsync(id, request.Acting, request.Aborted).ConfigureAwait(false);
        return vm is null || vm.VmState == VmState.HardDeleted
            ? NovaResult.ServerNotFound(id)
            : NovaResult.Json(200, new JsonObject { ["server"] = view.Detail(vm, request) });
    }

    /// <summary><c>POST /servers</c> <c>{"server": {name, imageRef, flavorRef, metadata?}}</c>: 202 with the create view.</summary>
    public async Task<NovaResult> CreateServerAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (body, fault) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        if (body!["server"] is not JsonObject server)
        {
            return NovaResult.Fault(400, "Invalid input for field/attribute server. Value: None. None is not of type 'object'");
        }

        var flavorRef = NovaJson.Text(server, "flavorRef");
        var flavor = flavors.ById(flavorRef);
        if (flavor is null)
        {
            return NovaResult.Fault(400, "Flavor " + (flavorRef ?? "None") + " could not be found.");
        }

        var (metadata, metadataFault) = Metadata(server["metadata"]);
        if (metadataFault is not null)
        {
            return metadataFault;
        }

        var create = new CreateVmRequest(
            NovaJson.Text(server, "name"), flavor.SizeName, NovaJson.Text(server, "imageRef"), metadata, null, request.Acting, request.RequestId);
        var result = await createVm.CreateAsync(create, request.Aborted).ConfigureAwait(false);
        if (result is not CommandResult.Accepted accepted)
        {
            return CommandFaults.For(result, "create", string.Empty);
        }

        var links = ServerView.Links(accepted.Vm.Id, request.ComputeUrl);
        var created = new JsonObject
        {
            ["id"] = accepted.Vm.Id,
            ["links"] = links,
            ["OS-DCF:diskConfig"] = "MANUAL",
            ["security_groups"] = new JsonArray(new JsonObject { ["name"] = "default" }),
            ["adminPass"] = NewPassword(),
        };
        return NovaResult.Json(202, new JsonObject { ["server"] = created }, Location(request.ComputeUrl + "/servers/" + accepted.Vm.Id));
    }

    /// <summary><c>DELETE /servers/{id}</c>: 204; a repeated delete while deleting is a 204 too, and a deleted server a 404.</summary>
    public async Task<NovaResult> DeleteServerAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await deleteVm.DeleteAsync(id, null, request.Acting, request.RequestId, request.Aborted).ConfigureAwait(false);
        return result switch
        {
            CommandResult.Accepted => NovaResult.Empty(204),
            CommandResult.AlreadyDeleting { Finished: false } => NovaResult.Empty(204),
            CommandResult.AlreadyDeleting => NovaResult.ServerNotFound(id),
            _ => CommandFaults.For(result, "delete", id),
        };
    }

    private static (IReadOnlyDictionary<string, string>? Metadata, NovaResult? Fault) Metadata(JsonNode? node)
    {
        if (node is null)
        {
            return (null, null);
        }

        if (node is not JsonObject obj)
        {
            return (null, NovaResult.Fault(400, "Invalid input for field/attribute metadata. Value must be an object."));
        }

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in obj)
        {
            if (value is not JsonValue v || !v.TryGetValue<string>(out var text))
            {
                return (null, NovaResult.Fault(400, $"Invalid input for field/attribute metadata. Value of '{key}' must be a string."));
            }

            metadata[key] = text;
        }

        return (metadata, null);
    }

    /// <summary>Nova answers with a generated admin password; VmControl sets none in the guest, so it is only a well-formed value.</summary>
    private static string NewPassword() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(9)).Replace('+', 'a').Replace('/', 'b');
}
