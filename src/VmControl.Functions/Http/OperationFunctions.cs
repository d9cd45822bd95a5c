using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VmControl.Functions.Durable;
using VmControl.Http;

namespace VmControl.Functions.Http;

/// <summary>Operations and introspection: power sync, the lifecycle table, health, the OpenAPI document.</summary>
public sealed class OperationFunctions(VmControlApi api)
{
    [Function("RunPowerSync")]
    public async Task<IActionResult> RunPowerSync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "power-sync")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.RunPowerSyncAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("GetLifecycle")]
    public async Task<IActionResult> GetLifecycle(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "lifecycle")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.GetLifecycleAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("GetHealth")]
    public async Task<IActionResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.GetHealthAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("GetOpenApi")]
    public async Task<IActionResult> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.GetOpenApiAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }
}
