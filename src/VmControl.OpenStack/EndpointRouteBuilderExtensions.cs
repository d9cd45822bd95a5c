using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VmControl.OpenStack.Compute;
using VmControl.OpenStack.Identity;

namespace VmControl.OpenStack;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>Maps Keystone under <c>/identity</c> and Compute v2.1 under <c>/compute</c> (docs/openstack.md). Needs <see cref="ServiceCollectionExtensions.AddOpenStackApi"/>.</summary>
    public static IEndpointRouteBuilder MapOpenStackApi(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        MapIdentity(endpoints.MapGroup("/identity"));
        MapCompute(endpoints.MapGroup("/compute"));
        MapImage(endpoints.MapGroup("/image"));
        return endpoints;
    }

    private static void MapIdentity(RouteGroupBuilder identity)
    {
        identity.MapGet("/", (RequestDelegate)(context => KeystoneApi.Versions(context.Request).ExecuteAsync(context)));
        identity.MapGet("/v3", (RequestDelegate)(context => KeystoneApi.V3(context.Request).ExecuteAsync(context)));
        identity.MapPost("/v3/auth/tokens", (RequestDelegate)(async context =>
        {
            var api = context.RequestServices.GetRequiredService<KeystoneApi>();
            var result = await api.IssueAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            await result.ExecuteAsync(context).ConfigureAwait(false);
        }));
    }

    private static void MapCompute(RouteGroupBuilder compute)
    {
        // Routing ignores a trailing slash, so "/v2.1" also serves "/v2.1/" (the href the version documents give).
        Open(compute, "GET", "/", ComputeApi.VersionsAsync, negotiate: false);
        Open(compute, "GET", "/v2.1", ComputeApi.VersionAsync);

        Map(compute, "GET", "/v2.1/servers", (api, r) => api.ListServersAsync(r, detail: false));
        Map(compute, "GET", "/v2.1/servers/detail", (api, r) => api.ListServersAsync(r, detail: true));
        Map(compute, "POST", "/v2.1/servers", (api, r) => api.CreateServerAsync(r));
        Map(compute, "GET", "/v2.1/servers/{id}", (api, r) => api.ShowServerAsync(r, Route(r, "id")));
        Map(compute, "DELETE", "/v2.1/servers/{id}", (api, r) => api.DeleteServerAsync(r, Route(r, "id")));
        Map(compute, "POST", "/v2.1/servers/{id}/action", (api, r) => api.ServerActionAsync(r, Route(r, "id")));
        Map(compute, "GET", "/v2.1/servers/{id}/os-instance-actions", (api, r) => api.ListInstanceActionsAsync(r, Route(r, "id")));
        Map(compute, "GET", "/v2.1/servers/{id}/os-instance-actions/{requestId}", (api, r) => api.ShowInstanceActionAsync(r, Route(r, "id"), Route(r, "requestId")));
        Map(compute, "GET", "/v2.1/servers/{id}/tags", (api, r) => api.ListTagsAsync(r, Route(r, "id")));
        Map(compute, "PUT", "/v2.1/servers/{id}/tags", (api, r) => api.ReplaceTagsAsync(r, Route(r, "id")));
        Map(compute, "DELETE", "/v2.1/servers/{id}/tags", (api, r) => api.RemoveAllTagsAsync(r, Route(r, "id")));
        Map(compute, "GET", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.CheckTagAsync(r, Route(r, "id"), Route(r, "tag")));
        Map(compute, "PUT", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.AddTagAsync(r, Route(r, "id"), Route(r, "tag")));
        Map(compute, "DELETE", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.RemoveTagAsync(r, Route(r, "id"), Route(r, "tag")));
        Map(compute, "GET", "/v2.1/flavors", (api, r) => api.ListFlavorsAsync(r, detail: false));
        Map(compute, "GET", "/v2.1/flavors/detail", (api, r) => api.ListFlavorsAsync(r, detail: true));
        Map(compute, "GET", "/v2.1/flavors/{id}", (api, r) => api.ShowFlavorAsync(r, Route(r, "id")));
        Map(compute, "GET", "/v2.1/flavors/{id}/os-extra_specs", (api, r) => api.FlavorExtraSpecsAsync(r, Route(r, "id")));

        // Anything else under v2.1 (networks, volumes, keypairs, …) is out of scope: Nova's 404, after the same checks.
        Map(compute, "GET", "/v2.1/{resource}/{**rest}", (_, _) => Task.FromResult(NovaResult.Fault(404, "The resource could not be found.")));
    }

    private static void MapImage(RouteGroupBuilder image)
    {
        // Glance has no compute microversions: a client's compute version header must not refuse an image lookup.
        Open(image, "GET", "/", ImageStub.VersionsAsync, negotiate: false);
        Map(image, "GET", "/v2/images", (_, r) => ImageStub.ListAsync(r), negotiate: false);
        Map(image, "GET", "/v2/images/{id}", (_, r) => ImageStub.ShowAsync(r, Route(r, "id")), negotiate: false);
    }

    private static void Open(RouteGroupBuilder group, string method, string pattern, Func<ComputeRequest, Task<NovaResult>> handle, bool negotiate = true)
    {
        Func<ComputeApi, ComputeRequest, Task<NovaResult>> adapted = (_, request) => handle(request);
        group.MapMethods(pattern, [method], (RequestDelegate)(context => RunAsync(context, authenticate: false, adapted, negotiate)));
    }

    private static void Map(RouteGroupBuilder group, string method, string pattern, Func<ComputeApi, ComputeRequest, Task<NovaResult>> handle, bool negotiate = true) =>
        group.MapMethods(pattern, [method], (RequestDelegate)(context => RunAsync(context, authenticate: true, handle, negotiate)));

    private static Task RunAsync(HttpContext context, bool authenticate, Func<ComputeApi, ComputeRequest, Task<NovaResult>> handle, bool negotiate = true)
    {
        var api = context.RequestServices.GetRequiredService<ComputeApi>();
        var pipeline = context.RequestServices.GetRequiredService<ComputePipeline>();
        return pipeline.RunAsync(context, authenticate, request => handle(api, request), negotiate);
    }

    private static string Route(ComputeRequest request, string name) => request.Http.Request.RouteValues[name]?.ToString() ?? string.Empty;
}
