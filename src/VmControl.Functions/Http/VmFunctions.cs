using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using VmControl.Functions.Durable;
using VmControl.Http;

namespace VmControl.Functions.Http;

/// <summary>The VM routes of docs/api.md; each calls the shared <see cref="VmControlApi"/>.</summary>
public sealed class VmFunctions(VmControlApi api)
{
    [Function("CreateVm")]
    public async Task<IActionResult> CreateVm(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "vms")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.CreateVmAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("ListVms")]
    public async Task<IActionResult> ListVms(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "vms")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.ListVmsAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("GetVm")]
    public async Task<IActionResult> GetVm(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "vms/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.GetVmAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("DeleteVm")]
    public async Task<IActionResult> DeleteVm(
        [HttpTrigger(AuthorizationLevel.Function, "delete", Route = "vms/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.DeleteVmAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("ResetState")]
    public async Task<IActionResult> ResetState(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "vms/{id}/reset-state")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var scope = DurableClientScope.Use(client);
        return await api.ResetStateAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }
}
