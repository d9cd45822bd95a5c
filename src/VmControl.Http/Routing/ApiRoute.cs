namespace VmControl.Http.Routing;

/// <summary>One route of the API: method, template under <c>/api</c>, the handler and its authorization level.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route template without the <c>api/</c> prefix, as the Functions triggers spell it (<c>vms/{id}</c>).</param>
/// <param name="Name">The handler's name on <see cref="VmControlApi"/>, also the Functions trigger's name.</param>
/// <param name="Auth">The authorization level in Azure.</param>
/// <param name="Invoke">Calls the handler with the route values of the request.</param>
public sealed record ApiRoute(
    string Method,
    string Template,
    string Name,
    ApiAuthLevel Auth,
    Func<VmControlApi, HttpContext, CancellationToken, Task<ApiResult>> Invoke);
