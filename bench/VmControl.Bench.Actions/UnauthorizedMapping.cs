using VmControl.Application.Model;
using VmControl.Http;
using VmControl.Http.Identity;
using VmControl.Http.Routing;

namespace VmControl.Bench.Actions;

/// <summary>
/// The same API under another prefix with authorization taken out (the caller set to an admin directly): the "off"
/// side of the authentication overhead, measured against the real, authorized routes in the same run. Bench only.
/// </summary>
public static class UnauthorizedMapping
{
    private static readonly Caller Bench = new("bench-unauthenticated", Role.Admin, Projects.Default);

    public static void MapApiWithoutAuthorization(this IEndpointRouteBuilder endpoints, string prefix)
    {
        var group = endpoints.MapGroup(prefix + "/" + ApiRoutes.Prefix);
        foreach (var route in ApiRoutes.All)
        {
            group.MapMethods("/" + route.Template, [route.Method], (RequestDelegate)(async context =>
            {
                context.SetCaller(Bench);
                var api = context.RequestServices.GetRequiredService<VmControlApi>();
                var result = await route.Invoke(api, context, context.RequestAborted).ConfigureAwait(false);
                await result.ExecuteAsync(context).ConfigureAwait(false);
            }));
        }
    }
}
