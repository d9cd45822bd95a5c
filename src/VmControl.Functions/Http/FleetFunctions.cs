namespace VmControl.Functions.Http;

/// <summary>Fleet operations (docs/fleet.md): start binds the Durable client, because it starts the operation's orchestration.</summary>
public sealed class FleetFunctions(VmControlApi api)
{
    [Function("CreateFleetOperation")]
    public Task<IActionResult> CreateFleetOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fleet-operations")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.CreateFleetOperationAsync(context, cancellationToken));

    [Function("ListFleetOperations")]
    public Task<IActionResult> ListFleetOperations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fleet-operations")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListFleetOperationsAsync(context, cancellationToken));

    [Function("GetFleetOperation")]
    public Task<IActionResult> GetFleetOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "fleet-operations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetFleetOperationAsync(context, id, cancellationToken));

    [Function("CancelFleetOperation")]
    public Task<IActionResult> CancelFleetOperation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "fleet-operations/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.CancelFleetOperationAsync(context, id, cancellationToken));
}
