namespace VmControl.Functions.Http;

/// <summary>Operations and introspection: power sync, the lifecycle table, health, the OpenAPI document.</summary>
public sealed class OperationFunctions(VmControlApi api)
{
    [Function("RunPowerSync")]
    public Task<IActionResult> RunPowerSync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "power-sync")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.RunPowerSyncAsync(context, cancellationToken));

    [Function("GetLifecycle")]
    public Task<IActionResult> GetLifecycle(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "lifecycle")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetLifecycleAsync(context, cancellationToken));

    [Function("GetHealth")]
    public Task<IActionResult> GetHealth(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.GetHealthAsync(context, cancellationToken));

    [Function("GetOpenApi")]
    public Task<IActionResult> GetOpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetOpenApiAsync(context, cancellationToken));
}
