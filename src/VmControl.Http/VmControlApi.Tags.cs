using VmControl.Application.UseCases;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary><c>GET /api/vms/{id}/tags</c>: the VM's tags as Nova's tag strings (<c>key</c> or <c>key=value</c>).</summary>
    public Task<ApiResult> ListTagsAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var vm = VmIds.IsValid(id) ? await queries.GetVmAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false) : null;
            return vm is null ? Problems.NotFound($"No VM has the id '{Shorten(id)}'.") : TagsOf(vm);
        });
    }

    /// <summary><c>PUT /api/vms/{id}/tags</c> with <c>{ "tags": [...] }</c>: replaces them all; honours <c>If-Match</c>.</summary>
    public Task<ApiResult> ReplaceTagsAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (tags, problem) = RequestReader.Parse<TagsBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            return tags!.Tags is null
                ? Problems.Invalid("tags", "Name the tags: { \"tags\": [\"prod\", \"tier=1\"] }.")
                : await ChangeTagsAsync(new TagChange(id, TagChangeKind.Replace, tags.Tags, context.Caller(), RequestReader.IfMatch(context.Request)), cancellationToken)
                    .ConfigureAwait(false);
        }, cancellationToken);
    }

    /// <summary><c>PUT /api/vms/{id}/tags/{tag}</c>: adds one tag (a key holds one value: <c>tier=2</c> replaces <c>tier=1</c>).</summary>
    public Task<ApiResult> AddTagAsync(HttpContext context, string id, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => ChangeTagsAsync(new TagChange(id, TagChangeKind.Add, [tag], context.Caller(), RequestReader.IfMatch(context.Request)), cancellationToken), cancellationToken);
    }

    /// <summary><c>DELETE /api/vms/{id}/tags/{tag}</c>: removes one tag; removing a tag the VM does not have changes nothing.</summary>
    public Task<ApiResult> RemoveTagAsync(HttpContext context, string id, string tag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => ChangeTagsAsync(new TagChange(id, TagChangeKind.Remove, [tag], context.Caller(), RequestReader.IfMatch(context.Request)), cancellationToken), cancellationToken);
    }

    private static ApiResult TagsOf(VmRecord vm) =>
        ApiResult.Json(StatusCodes.Status200OK, new TagsBody([.. TagText.Of(vm.Tags).Order(StringComparer.Ordinal)]), ResultMapping.ETag(vm));

    private async Task<ApiResult> ChangeTagsAsync(TagChange change, CancellationToken cancellationToken)
    {
        if (!VmIds.IsValid(change.VmId))
        {
            return Problems.NotFound($"No VM has the id '{Shorten(change.VmId)}'.");
        }

        var result = await changeTags.ChangeAsync(change, cancellationToken).ConfigureAwait(false);
        return result is CommandResult.Updated updated ? TagsOf(updated.Vm) : ResultMapping.ToHttp(result, bodyIsVm: true);
    }
}
