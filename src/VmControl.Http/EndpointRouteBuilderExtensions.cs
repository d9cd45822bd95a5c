using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Http.Routing;

namespace VmControl.Http;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route of <see cref="ApiRoutes.All"/> under <c>/api</c>. Needs <see cref="ServiceCollectionExtensions.AddVmControlHttp"/>
    /// and the ports. Authorization levels are not enforced here (the local host has no function keys, docs/api.md);
    /// each endpoint carries its <see cref="ApiRoute"/> as metadata, so a host that wants keys can add a filter to the
    /// returned group that reads <see cref="ApiRoute.Auth"/>.
    /// </summary>
    public static RouteGroupBuilder MapVmControlApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        foreach (var route in ApiRoutes.All)
        {
            group.MapMethods("/" + route.Template, [route.Method], (RequestDelegate)(async context =>
            {
                var api = context.RequestServices.GetRequiredService<VmControlApi>();
                var result = await route.Invoke(api, context, context.RequestAborted).ConfigureAwait(false);
                await result.ExecuteAsync(context).ConfigureAwait(false);
            })).WithName(route.Name).WithMetadata(route);
        }

        return group;
    }
}
