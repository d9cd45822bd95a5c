namespace VmControl.Functions.Http;

/// <summary>
/// The one body of every HTTP trigger: the shared API answers the request; a trigger that starts or reads a task
/// also makes its invocation's Durable client current (<see cref="DurableClientScope"/>) for the call.
/// </summary>
internal static class Trigger
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, Task<ApiResult>> call)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        return await call(request.HttpContext).ConfigureAwait(false);
    }

    public static async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient client, Func<HttpContext, Task<ApiResult>> call)
    {
        using var scope = DurableClientScope.Use(client);
        return await RunAsync(request, call).ConfigureAwait(false);
    }
}
