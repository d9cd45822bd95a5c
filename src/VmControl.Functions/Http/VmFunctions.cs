namespace VmControl.Functions.Http;

/// <summary>The VM routes of docs/api.md; each calls the shared <see cref="VmControlApi"/>.</summary>
public sealed class VmFunctions(VmControlApi api)
{
    [Function("CreateVm")]
    public Task<IActionResult> CreateVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "vms")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.CreateVmAsync(context, cancellationToken));

    [Function("ListVms")]
    public Task<IActionResult> ListVms(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListVmsAsync(context, cancellationToken));

    [Function("GetVm")]
    public Task<IActionResult> GetVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "vms/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetVmAsync(context, id, cancellationToken));

    [Function("DeleteVm")]
    public Task<IActionResult> DeleteVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "vms/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.DeleteVmAsync(context, id, cancellationToken));

    [Function("ResetState")]
    public Task<IActionResult> ResetState(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "vms/{id}/reset-state")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, client, context => api.ResetStateAsync(context, id, cancellationToken));
}
