using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VmControl.Functions.Durable;
using VmControl.Http;

namespace VmControl.Functions.Http;

/// <summary>The action routes: request an action, and the per-VM history.</summary>
public sealed class ActionFunctions(VmControlApi api)
{
    [Function("RequestAction")]
    public async Task<IActionResult> RequestAction(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "vms/{id}/actions")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.RequestActionAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("ListActions")]
    public async Task<IActionResult> ListActions(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "vms/{id}/actions")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.ListActionsAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("GetAction")]
    public async Task<IActionResult> GetAction(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "vms/{id}/actions/{actionId}")] HttpRequest request,
        string id,
        string actionId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.GetActionAsync(request.HttpContext, id, actionId, cancellationToken).ConfigureAwait(false);
    }
}
