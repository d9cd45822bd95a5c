namespace VmControl.Functions.Http;

/// <summary>Protection flags, lock and unlock (docs/api.md), and who the caller is.</summary>
public sealed class SafeguardFunctions(VmControlApi api)
{
    [Function("UpdateVm")]
    public Task<IActionResult> UpdateVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "vms/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.UpdateVmAsync(context, id, cancellationToken));

    [Function("LockVm")]
    public Task<IActionResult> LockVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "vms/{id}/lock")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.LockVmAsync(context, id, cancellationToken));

    [Function("UnlockVm")]
    public Task<IActionResult> UnlockVm(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "vms/{id}/unlock")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.UnlockVmAsync(context, id, cancellationToken));

    [Function("GetCaller")]
    public Task<IActionResult> GetCaller(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "me")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.GetCallerAsync(context, cancellationToken));
}
