namespace VmControl.Functions.Http;

/// <summary>The action routes: request an action, and the per-VM history.</summary>
public sealed class ActionFunctions(VmControlApi api)
{
    [Function("RequestAction")]
    public Task<IActionResult> RequestAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "vms/{id}/actions")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.RequestActionAsync(context, id, cancellationToken));

    [Function("ListActions")]
    public Task<IActionResult> ListActions(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms/{id}/actions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListActionsAsync(context, id, cancellationToken));

    [Function("GetAction")]
    public Task<IActionResult> GetAction(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms/{id}/actions/{actionId}")] HttpRequest request,
        string id,
        string actionId,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetActionAsync(context, id, actionId, cancellationToken));
}
