namespace VmControl.Functions.Http;

/// <summary>Nova's tag API over the VM's tag map (docs/api.md, docs/fleet.md).</summary>
public sealed class TagFunctions(VmControlApi api)
{
    [Function("ListTags")]
    public Task<IActionResult> ListTags(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms/{id}/tags")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListTagsAsync(context, id, cancellationToken));

    [Function("ReplaceTags")]
    public Task<IActionResult> ReplaceTags(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "vms/{id}/tags")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ReplaceTagsAsync(context, id, cancellationToken));

    [Function("AddTag")]
    public Task<IActionResult> AddTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "vms/{id}/tags/{tag}")] HttpRequest request,
        string id,
        string tag,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.AddTagAsync(context, id, tag, cancellationToken));

    [Function("RemoveTag")]
    public Task<IActionResult> RemoveTag(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "vms/{id}/tags/{tag}")] HttpRequest request,
        string id,
        string tag,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.RemoveTagAsync(context, id, tag, cancellationToken));
}
