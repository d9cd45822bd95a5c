using Microsoft.Extensions.DependencyInjection;
using VmControl.OpenStack.Compute;
using VmControl.OpenStack.Identity;

namespace VmControl.OpenStack;

/// <summary>The routes of each face (docs/openstack.md), below the face's root.</summary>
internal static class OpenStackRoutes
{
    public static IReadOnlyList<FaceRoute> Identity() =>
    [
        new("GET", "/", context => KeystoneApi.Versions(context.Request).ExecuteAsync(context)),
        new("GET", "/v3", context => KeystoneApi.V3(context.Request).ExecuteAsync(context)),
        new("POST", "/v3/auth/tokens", async context =>
        {
            var api = context.RequestServices.GetRequiredService<KeystoneApi>();
            NovaResult result;
            try
            {
                result = await api.IssueAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
            }
            catch (BadHttpRequestException ex)
            {
                // A body the server could not read (too large, cut short): Keystone's 400, not ASP.NET's problem+json.
                result = KeystoneApi.Error(400, "Bad Request", ex.Message);
            }

            await result.ExecuteAsync(context).ConfigureAwait(false);
        }),
    ];

    public static IReadOnlyList<FaceRoute> Compute() =>
    [
        // Nova keeps its root versions list outside microversions: no check, no version headers.
        Open("GET", "/", ComputeApi.VersionsAsync, negotiate: false),
        Open("GET", "/v2.1", ComputeApi.VersionAsync),

        Auth("GET", "/v2.1/servers", (api, r) => api.ListServersAsync(r, detail: false)),
        Auth("GET", "/v2.1/servers/detail", (api, r) => api.ListServersAsync(r, detail: true)),
        Auth("POST", "/v2.1/servers", (api, r) => api.CreateServerAsync(r)),
        Auth("GET", "/v2.1/servers/{id}", (api, r) => api.ShowServerAsync(r, Route(r, "id"))),
        Auth("PUT", "/v2.1/servers/{id}", (api, r) => api.UpdateServerAsync(r, Route(r, "id"))),
        Auth("DELETE", "/v2.1/servers/{id}", (api, r) => api.DeleteServerAsync(r, Route(r, "id"))),
        Auth("POST", "/v2.1/servers/{id}/action", (api, r) => api.ServerActionAsync(r, Route(r, "id"))),
        Auth("GET", "/v2.1/servers/{id}/os-instance-actions", (api, r) => api.ListInstanceActionsAsync(r, Route(r, "id"))),
        Auth("GET", "/v2.1/servers/{id}/os-instance-actions/{requestId}", (api, r) => api.ShowInstanceActionAsync(r, Route(r, "id"), Route(r, "requestId"))),
        Auth("GET", "/v2.1/servers/{id}/ips", (api, r) => api.ListAddressesAsync(r, Route(r, "id"))),
        Auth("GET", "/v2.1/servers/{id}/ips/{network}", (api, r) => api.ShowNetworkAddressesAsync(r, Route(r, "id"), Route(r, "network"))),
        Auth("GET", "/v2.1/servers/{id}/tags", (api, r) => api.ListTagsAsync(r, Route(r, "id"))),
        Auth("PUT", "/v2.1/servers/{id}/tags", (api, r) => api.ReplaceTagsAsync(r, Route(r, "id"))),
        Auth("DELETE", "/v2.1/servers/{id}/tags", (api, r) => api.RemoveAllTagsAsync(r, Route(r, "id"))),
        Auth("GET", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.CheckTagAsync(r, Route(r, "id"), Route(r, "tag"))),
        Auth("PUT", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.AddTagAsync(r, Route(r, "id"), Route(r, "tag"))),
        Auth("DELETE", "/v2.1/servers/{id}/tags/{tag}", (api, r) => api.RemoveTagAsync(r, Route(r, "id"), Route(r, "tag"))),
        Auth("GET", "/v2.1/flavors", (api, r) => api.ListFlavorsAsync(r, detail: false)),
        Auth("GET", "/v2.1/flavors/detail", (api, r) => api.ListFlavorsAsync(r, detail: true)),
        Auth("GET", "/v2.1/flavors/{id}", (api, r) => api.ShowFlavorAsync(r, Route(r, "id"))),
        Auth("GET", "/v2.1/flavors/{id}/os-extra_specs", (api, r) => api.FlavorExtraSpecsAsync(r, Route(r, "id"))),

        // What VmControl has no concept of, answered as Nova answers an empty or disabled API (docs/openstack.md).
        Auth("GET", "/v2.1/os-keypairs", (_, _) => Task.FromResult(Unsupported.EmptyList("keypairs"))),
        Auth("POST", "/v2.1/os-keypairs", (_, _) => Task.FromResult(Unsupported.NotImplemented("Key pairs"))),
        Auth("GET", "/v2.1/os-keypairs/{name}", (_, r) => Task.FromResult(Unsupported.KeypairNotFound(Route(r, "name")))),
        Auth("DELETE", "/v2.1/os-keypairs/{name}", (_, r) => Task.FromResult(Unsupported.KeypairNotFound(Route(r, "name")))),
        Auth("GET", "/v2.1/servers/{id}/os-security-groups", (api, r) => api.EmptyServerListAsync(r, Route(r, "id"), "security_groups")),
        Auth("GET", "/v2.1/servers/{id}/os-volume_attachments", (api, r) => api.EmptyServerListAsync(r, Route(r, "id"), "volumeAttachments")),
        Auth("POST", "/v2.1/servers/{id}/os-volume_attachments", (_, _) => Task.FromResult(Unsupported.NotImplemented("Volume attachments"))),
        Auth("GET", "/v2.1/servers/{id}/os-volume_attachments/{volumeId}", (api, r) => api.NoVolumeAttachmentAsync(r, Route(r, "id"), Route(r, "volumeId"))),
        Auth("GET", "/v2.1/servers/{id}/os-interface", (api, r) => api.EmptyServerListAsync(r, Route(r, "id"), "interfaceAttachments")),
        Auth("POST", "/v2.1/servers/{id}/os-interface", (_, _) => Task.FromResult(Unsupported.NotImplemented("Port interfaces"))),
    ];

    public static IReadOnlyList<FaceRoute> Image() =>
    [
        // Glance has no compute microversions: a client's compute version header must not refuse an image lookup.
        Open("GET", "/", ImageStub.VersionsAsync, negotiate: false),
        Auth("GET", "/v2/images", (_, r) => ImageStub.ListAsync(r), negotiate: false),
        Auth("GET", "/v2/images/{id}", (_, r) => ImageStub.ShowAsync(r, Route(r, "id")), negotiate: false),
    ];

    /// <summary>Runs a compute or image handler through the pipeline (headers, microversion, token, policy, outages).</summary>
    public static Task RunCompute(HttpContext context, bool authenticate, Func<ComputeApi, ComputeRequest, Task<NovaResult>> handle, bool negotiate = true)
    {
        var api = context.RequestServices.GetRequiredService<ComputeApi>();
        var pipeline = context.RequestServices.GetRequiredService<ComputePipeline>();
        return pipeline.RunAsync(context, authenticate, request => handle(api, request), negotiate);
    }

    private static FaceRoute Open(string method, string template, Func<ComputeRequest, Task<NovaResult>> handle, bool negotiate = true) =>
        new(method, template, context => RunCompute(context, authenticate: false, (_, request) => handle(request), negotiate));

    private static FaceRoute Auth(string method, string template, Func<ComputeApi, ComputeRequest, Task<NovaResult>> handle, bool negotiate = true) =>
        new(method, template, context => RunCompute(context, authenticate: true, handle, negotiate));

    private static string Route(ComputeRequest request, string name) => request.Http.Request.RouteValues[name]?.ToString() ?? string.Empty;
}
