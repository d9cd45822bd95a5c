using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace VmControl.Http.Routing;

/// <summary>One route of the API: method, template under <c>/api</c>, the handler and the role it needs.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Template">The route template without the <c>api/</c> prefix, as the Functions triggers spell it (<c>vms/{id}</c>).</param>
/// <param name="Name">The handler's name on <see cref="VmControlApi"/>.</param>
/// <param name="Role">The least role that may call it; null for the two anonymous routes (health, the OpenAPI document).</param>
/// <param name="Invoke">Calls the handler with the route values of the request.</param>
public sealed record ApiRoute(
    string Method,
    string Template,
    string Name,
    Role? Role,
    Func<VmControlApi, HttpContext, CancellationToken, Task<ApiResult>> Invoke)
{
    private readonly TemplateMatcher matcher = new(TemplateParser.Parse(ApiRoutes.Prefix + "/" + Template), new RouteValueDictionary());

    /// <summary>Whether a request with this method and path is this route (the Functions host routes by itself, so it asks).</summary>
    public bool Matches(string method, PathString path) =>
        string.Equals(method, Method, StringComparison.OrdinalIgnoreCase) && matcher.TryMatch(path, new RouteValueDictionary());
}
