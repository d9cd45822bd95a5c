namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary><c>GET /compute</c>: the versions list (only v2.1 is served, so only v2.1 is listed).</summary>
    public static Task<NovaResult> VersionsAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var version = Version(request);
        version.Remove("media-types");
        version["links"] = new JsonArray(FlavorView.Link("self", request.ComputeUrl + "/"));
        return Task.FromResult(NovaResult.Json(200, new JsonObject { ["versions"] = new JsonArray(version) }));
    }

    /// <summary><c>GET /compute/v2.1</c> and <c>/compute/v2.1/</c>: the document version discovery needs (no token).</summary>
    public static Task<NovaResult> VersionAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(NovaResult.Json(200, new JsonObject { ["version"] = Version(request) }));
    }

    private static JsonObject Version(ComputeRequest request) => new()
    {
        ["id"] = "v2.1",
        ["status"] = "CURRENT",
        ["version"] = Microversion.Max.ToString(),
        ["min_version"] = Microversion.Min.ToString(),
        ["updated"] = "2013-07-23T11:33:21Z",
        ["links"] = new JsonArray(
            FlavorView.Link("self", request.ComputeUrl + "/"),
            new JsonObject { ["rel"] = "describedby", ["type"] = "text/html", ["href"] = "https://docs.openstack.org/" }),
        ["media-types"] = new JsonArray(new JsonObject
        {
            ["base"] = "application/json",
            ["type"] = "application/vnd.openstack.compute+json;version=2.1",
        }),
    };
}
