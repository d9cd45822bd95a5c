using Microsoft.Extensions.DependencyInjection;
using VmControl.Http.Identity;
using VmControl.Http.Routing;

namespace VmControl.Functions.Http;

/// <summary>
/// The one body of every HTTP trigger: the request is authorized against its route's role (<see cref="ApiAuthorization"/>,
/// the same step the LocalHost runs; the triggers themselves are anonymous to the Functions host), then the shared API
/// answers it; a trigger that starts or reads a task also makes its invocation's Durable client current
/// (<see cref="DurableClientScope"/>) for the call.
/// </summary>
internal static class Trigger
{
    public static async Task<IActionResult> RunAsync(HttpRequest request, Func<HttpContext, Task<ApiResult>> call)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(call);
        var context = request.HttpContext;

        // A trigger whose route is missing from the table must not run unauthorized: RouteParityTests keeps them equal.
        var route = ApiRoutes.Find(request.Method, request.Path)
            ?? throw new InvalidOperationException($"{request.Method} {request.Path} is not in the route table.");
        var refused = context.RequestServices.GetRequiredService<ApiAuthorization>().Authorize(context, route);
        return refused ?? await call(context).ConfigureAwait(false);
    }

    public static async Task<IActionResult> RunAsync(HttpRequest request, DurableTaskClient client, Func<HttpContext, Task<ApiResult>> call)
    {
        using var scope = DurableClientScope.Use(client);
        return await RunAsync(request, call).ConfigureAwait(false);
    }
}
