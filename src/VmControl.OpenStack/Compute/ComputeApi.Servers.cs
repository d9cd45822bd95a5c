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

        var (page, more, markerFault) = await listing!.RunAsync(queries, request.Acting, time, flavors, request.Aborted).ConfigureAwait(false);
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

    /// <summary>
    /// <c>POST /servers</c> <c>{"server": {name, imageRef, flavorRef, metadata?, adminPass?, accessIPv4?, accessIPv6?,
    /// description?}}</c>: 202 with the create view.
    /// </summary>
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

        var (labels, labelFault) = DescriptionBefore219(server, request.Version) is { } early ? (null, early) : Labels(server);
        if (labelFault is not null)
        {
            return labelFault;
        }

        // Nova returns the adminPass it was given (or one it made up) once, in this answer; VmControl keeps neither.
        var (adminPass, passFault) = AdminPass(server);
        if (passFault is not null)
        {
            return passFault;
        }

        var create = new CreateVmRequest(
            NovaJson.Text(server, "name"), flavor.SizeName, NovaJson.Text(server, "imageRef"), metadata, null, request.Acting, request.RequestId,
            Description: labels!.Description?.Value, AccessIPv4: labels.AccessIPv4?.Value, AccessIPv6: labels.AccessIPv6?.Value);
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
            ["adminPass"] = adminPass ?? NewPassword(),
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

    /// <summary>
    /// <c>PUT /servers/{id}</c> <c>{"server": {name?, description?, accessIPv4?, accessIPv6?}}</c>: 200 with the server.
    /// The same change as the native <c>PATCH /api/vms/{id}</c>: one compare-and-swap, no task, not stopped by a lock.
    /// </summary>
    public async Task<NovaResult> UpdateServerAsync(ComputeRequest request, string id)
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

        if (server.Select(p => p.Key).FirstOrDefault(k => k is not ("name" or "description" or "accessIPv4" or "accessIPv6")) is { } extra)
        {
            return NovaResult.Fault(400, $"Invalid input for field/attribute server. Additional properties are not allowed ('{extra}' was unexpected)");
        }

        var (labels, labelFault) = DescriptionBefore219(server, request.Version) is { } early ? (null, early) : Labels(server);
        if (labelFault is not null)
        {
            return labelFault;
        }

        if (server.ContainsKey("name") && NovaJson.Text(server, "name") is null)
        {
            return NovaResult.Fault(400, "Invalid input for field/attribute name. Value: None. None is not of type 'string'");
        }

        var details = labels! with { Name = NovaJson.Text(server, "name") };
        var result = await changeSafeguards.ChangeAsync(new SafeguardChange(id, request.Acting, Details: details), request.Aborted).ConfigureAwait(false);
        return result is CommandResult.Updated updated
            ? NovaResult.Json(200, new JsonObject { ["server"] = view.Render(updated.Vm, request, ServerViewKind.Update) })
            : CommandFaults.For(result, "update", id);
    }

    /// <summary>Nova's schemas know <c>description</c> in create, update and rebuild bodies from 2.19; before, it is an extra property (400).</summary>
    private static NovaResult? DescriptionBefore219(JsonObject body, NovaVersion version) =>
        body.ContainsKey("description") && !version.AtLeast("2.19")
            ? NovaResult.Fault(400, "Invalid input for field/attribute server. Additional properties are not allowed ('description' was unexpected)")
            : null;

    /// <summary>
    /// The labels a create, update or rebuild body may carry: <c>description</c> (null clears it), <c>accessIPv4</c>
    /// and <c>accessIPv6</c> (null or empty clears them). Their rules are the application's (a 400 names the field).
    /// </summary>
    private static (VmDetailsChange? Labels, NovaResult? Fault) Labels(JsonObject server)
    {
        TextPatch? description = null;
        TextPatch? v4 = null;
        TextPatch? v6 = null;
        foreach (var field in new[] { "description", "accessIPv4", "accessIPv6" })
        {
            if (!server.TryGetPropertyValue(field, out var node))
            {
                continue;
            }

            if (node is not null && (node is not JsonValue value || !value.TryGetValue<string>(out _)))
            {
                return (null, NovaResult.Fault(400, $"Invalid input for field/attribute {field}. Value: {node.ToJsonString()}. It is not of type 'string'"));
            }

            var text = NovaJson.Text(server, field);
            // Nova keeps a blank access address as none (and strips one); a description is kept as given.
            var patch = field == "description" ? new TextPatch(text) : new TextPatch(string.IsNullOrWhiteSpace(text) ? null : text.Trim());
            (description, v4, v6) = field switch
            {
                "description" => (patch, v4, v6),
                "accessIPv4" => (description, patch, v6),
                _ => (description, v4, patch),
            };
        }

        var labels = new VmDetailsChange(Description: description, AccessIPv4: v4, AccessIPv6: v6);
        return labels.Validate() is { } invalid
            ? (null, NovaResult.Fault(400, $"Invalid input for field/attribute {invalid.Field}. {invalid.Message}"))
            : (labels, null);
    }

    /// <summary>The caller's <c>adminPass</c> (a string), none, or Nova's 400.</summary>
    private static (string? AdminPass, NovaResult? Fault) AdminPass(JsonObject body)
    {
        if (body["adminPass"] is not { } node)
        {
            return (null, null);
        }

        return NovaJson.Text(body, "adminPass") is { } text
            ? (text, null)
            : (null, NovaResult.Fault(400, $"Invalid input for field/attribute adminPass. Value: {node.ToJsonString()}. It is not of type 'string'"));
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
