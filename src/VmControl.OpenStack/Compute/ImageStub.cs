using System.Text.Json.Nodes;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// Just enough Glance under <c>/image</c> for the clients' image lookups to fail softly: OSC's <c>server list</c>
/// and <c>show</c> resolve image names through the catalog's image service and give up on the name when it knows
/// none. VmControl's images are references only (docs/openstack.md), so the list is empty and a show is a 404.
/// </summary>
public static class ImageStub
{
    public static Task<NovaResult> VersionsAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = new JsonObject
        {
            ["id"] = "v2.0",
            ["status"] = "CURRENT",
            ["links"] = new JsonArray(FlavorView.Link("self", PublicUrl.Image(request.Http.Request) + "/v2/")),
        };
        return Task.FromResult(NovaResult.Json(300, new JsonObject { ["versions"] = new JsonArray(version) }));
    }

    public static Task<NovaResult> ListAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(NovaResult.Json(200, new JsonObject { ["images"] = new JsonArray(), ["schema"] = "/v2/schemas/images", ["first"] = "/v2/images" }));
    }

    public static Task<NovaResult> ShowAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(NovaResult.Fault(404, "VmControl has no image service; images are references only."));
    }
}
