using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VmControl.Http.Identity;
using VmControl.Http.Routing;

namespace VmControl.Http;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps every route of <see cref="ApiRoutes.All"/> under <c>/api</c>, each authorized by <see cref="ApiAuthorization"/>
    /// against its <see cref="ApiRoute.Role"/> before the handler runs. Needs <see cref="ServiceCollectionExtensions.AddVmControlHttp"/>
    /// and the ports.
    /// </summary>
    public static RouteGroupBuilder MapVmControlApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var group = endpoints.MapGroup("/" + ApiRoutes.Prefix);
        foreach (var route in ApiRoutes.All)
        {
            group.MapMethods("/" + route.Template, [route.Method], (RequestDelegate)(async context =>
            {
                var refused = context.RequestServices.GetRequiredService<ApiAuthorization>().Authorize(context, route);
                var api = context.RequestServices.GetRequiredService<VmControlApi>();
                var result = refused ?? await route.Invoke(api, context, context.RequestAborted).ConfigureAwait(false);
                await result.ExecuteAsync(context).ConfigureAwait(false);
            })).WithName(route.Name).WithMetadata(route);
        }

        return group;
    }
}
