using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's server tags API (<c>nova/api/openstack/compute/server_tags.py</c>), from 2.26 (below it each route is
/// Nova's 404), over <see cref="ChangeTags"/>: the tags are the VM's tag strings (<see cref="TagText"/>). Nova's own
/// rules apply on this face: a tag is 1-60 characters without ',' or '/', a server has at most 50, and tags change
/// only while the server is active, paused, suspended or stopped.
/// </summary>
public sealed partial class ComputeApi
{
    private const int MaxNovaTags = 50;
    private const int MaxNovaTagLength = 60;

    private static readonly HashSet<VmState> TaggableStates = [VmState.Active, VmState.Paused, VmState.Suspended, VmState.Stopped];

    /// <summary><c>GET /servers/{id}/tags</c></summary>
    public async Task<NovaResult> ListTagsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (vm, fault) = await TaggedServerAsync(request, id, null).ConfigureAwait(false);
        return fault ?? NovaResult.Json(200, TagsBody(vm!));
    }

    /// <summary><c>GET /servers/{id}/tags/{tag}</c>: 204 when the server has it, else 404.</summary>
    public async Task<NovaResult> CheckTagAsync(ComputeRequest request, string id, string tag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (vm, fault) = await TaggedServerAsync(request, id, null).ConfigureAwait(false);
        return fault ?? (TagText.Has(vm!.Tags, tag) ? NovaResult.Empty(204) : NovaResult.Fault(404, $"Server {id} has no tag '{tag}'"));
    }

    /// <summary><c>PUT /servers/{id}/tags</c> <c>{"tags": [...]}</c>: replaces them all; 200 with the new list.</summary>
    public async Task<NovaResult> ReplaceTagsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Version.AtLeast("2.26"))
        {
            return NotFoundBelow226();
        }

        var (body, bodyFault) = await ReadBodyAsync(request).ConfigureAwait(false);
        if (bodyFault is not null)
        {
            return bodyFault;
        }

        var (tags, invalid) = TagList(body!);
        if (invalid is not null)
        {
            return invalid;
        }

        var (_, fault) = await TaggedServerAsync(request, id, "update tags").ConfigureAwait(false);
        return fault ?? await ChangeAsync(request, id, TagChangeKind.Replace, tags!, "update tags", vm => NovaResult.Json(200, TagsBody(vm))).ConfigureAwait(false);
    }

    /// <summary><c>PUT /servers/{id}/tags/{tag}</c>: 201 with its Location when added, 204 when the server already had it.</summary>
    public async Task<NovaResult> AddTagAsync(ComputeRequest request, string id, string tag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (vm, fault) = await TaggedServerAsync(request, id, "update tag").ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        if (InvalidTag(tag) is { } reason)
        {
            return NovaResult.Fault(400, $"Tag '{tag}' is invalid. It must be a non empty string without characters '/' and ','. Validation error message: {reason}");
        }

        if (vm!.Tags.Count >= MaxNovaTags)
        {
            return NovaResult.Fault(400, $"The number of tags exceeded the per-server limit {MaxNovaTags}");
        }

        if (TagText.Has(vm.Tags, tag))
        {
            return NovaResult.Empty(204);
        }

        var location = new Dictionary<string, string> { ["Location"] = $"{request.ComputeUrl}/servers/{id}/tags/{Uri.EscapeDataString(tag)}" };
        return await ChangeAsync(request, id, TagChangeKind.Add, [tag], "update tag", _ => new NovaResult(201, null, location)).ConfigureAwait(false);
    }

    /// <summary><c>DELETE /servers/{id}/tags/{tag}</c>: 204, or 404 when the server has no such tag.</summary>
    public async Task<NovaResult> RemoveTagAsync(ComputeRequest request, string id, string tag)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (vm, fault) = await TaggedServerAsync(request, id, "delete tag").ConfigureAwait(false);
        if (fault is not null)
        {
            return fault;
        }

        return TagText.Has(vm!.Tags, tag)
            ? await ChangeAsync(request, id, TagChangeKind.Remove, [tag], "delete tag", _ => NovaResult.Empty(204)).ConfigureAwait(false)
            : NovaResult.Fault(404, $"Instance {id} has no tag '{tag}'");
    }

    /// <summary><c>DELETE /servers/{id}/tags</c>: 204.</summary>
    public async Task<NovaResult> RemoveAllTagsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (_, fault) = await TaggedServerAsync(request, id, "delete tags").ConfigureAwait(false);
        return fault ?? await ChangeAsync(request, id, TagChangeKind.Replace, [], "delete tags", _ => NovaResult.Empty(204)).ConfigureAwait(false);
    }

    /// <summary>The server, or the answer instead: 404 below 2.26 or for no such server, 409 in a state Nova refuses tag changes in.</summary>
    private async Task<(VmRecord? Vm, NovaResult? Fault)> TaggedServerAsync(ComputeRequest request, string id, string? change)
    {
        if (!request.Version.AtLeast("2.26"))
        {
            return (null, NotFoundBelow226());
        }

        var vm = await queries.GetVmAsync(id, request.Acting, request.Aborted).ConfigureAwait(false);
        if (vm is null || vm.VmState == VmState.HardDeleted)
        {
            return (null, NovaResult.ServerNotFound(id));
        }

        return change is not null && !TaggableStates.Contains(vm.VmState)
            ? (null, NovaResult.Fault(409, $"Cannot '{change}' instance {id} while it is in vm_state {NovaStates.VmState(vm.VmState)}"))
            : (vm, null);
    }

    private async Task<NovaResult> ChangeAsync(
        ComputeRequest request, string id, TagChangeKind kind, IReadOnlyList<string> tags, string change, Func<VmRecord, NovaResult> answer)
    {
        var result = await changeTags.ChangeAsync(new TagChange(id, kind, tags, request.Acting), request.Aborted).ConfigureAwait(false);
        return result is CommandResult.Updated updated ? answer(updated.Vm) : CommandFaults.For(result, change, id);
    }

    private static JsonObject TagsBody(VmRecord vm) =>
        new() { ["tags"] = new JsonArray([.. TagText.Of(vm.Tags).Order(StringComparer.Ordinal).Select(t => (JsonNode)t)]) };

    /// <summary>Nova's <c>update_all</c> schema: <c>{"tags": [tag, ...]}</c>, at most 50, nothing else.</summary>
    private static (IReadOnlyList<string>? Tags, NovaResult? Fault) TagList(JsonObject body)
    {
        if (body.Select(p => p.Key).FirstOrDefault(k => k != "tags") is { } unexpected)
        {
            return (null, NovaResult.Fault(400, $"Invalid input for field/attribute tags. Additional properties are not allowed ('{unexpected}' was unexpected)"));
        }

        if (body["tags"] is not JsonArray array)
        {
            return (null, NovaResult.Fault(400, "Invalid input for field/attribute tags. 'tags' is a required property and must be an array"));
        }

        if (array.Count > MaxNovaTags)
        {
            return (null, NovaResult.Fault(400, $"Invalid input for field/attribute tags. The number of tags exceeded the per-server limit {MaxNovaTags}"));
        }

        var tags = new List<string>(array.Count);
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var tag) || InvalidTag(tag) is not null)
            {
                return (null, NovaResult.Fault(400, $"Invalid input for field/attribute tags. Value: {item?.ToJsonString() ?? "None"}. A tag is a non empty string of at most {MaxNovaTagLength} characters without '/' and ','"));
            }

            tags.Add(tag);
        }

        return (tags, null);
    }

    private static string? InvalidTag(string tag) => tag.Length switch
    {
        0 => "'' is too short",
        > MaxNovaTagLength => $"'{tag}' is too long",
        _ => tag.AsSpan().IndexOfAny(',', '/') >= 0 ? $"'{tag}' does not match '^[^,/]*$'" : null,
    };

    private static NovaResult NotFoundBelow226() => NovaResult.Fault(404, "The resource could not be found.");
}
