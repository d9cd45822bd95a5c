namespace VmControl.OpenStack.Compute;

/// <summary>
/// Just enough Glance under <c>/image</c> for the clients' image lookups. VmControl's images are references (any
/// text the driver understands), not a catalog: so any reference looked up by id or name exists, as a public
/// active image named after itself, and the unfiltered list is empty. This lets OSC resolve
/// <c>server create --image ubuntu</c> and show image ids in listings, without inventing a catalog.
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

    /// <summary><c>GET /v2/images?id=in:a,b</c> or <c>?name=a</c>: those references; no filter: none.</summary>
    public static Task<NovaResult> ListAsync(ComputeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Http.Request.Query;
        var id = query["id"].ToString();
        var name = query["name"].ToString();
        IEnumerable<string> references = id.StartsWith("in:", StringComparison.Ordinal)
            ? id[3..].Split(',', StringSplitOptions.RemoveEmptyEntries)
            : id.Length > 0 ? [id] : name.Length > 0 ? [name] : [];
        var images = new JsonArray([.. references.Where(Valid).Distinct(StringComparer.Ordinal).Select(r => (JsonNode)Image(r))]);
        return Task.FromResult(NovaResult.Json(200, new JsonObject { ["images"] = images, ["schema"] = "/v2/schemas/images", ["first"] = "/v2/images" }));
    }

    public static Task<NovaResult> ShowAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Valid(id) ? NovaResult.Json(200, Image(id)) : NovaResult.Fault(404, $"No image found with ID {id}"));
    }

    // The same bounds VmControl puts on an image reference (VmValidation: 1-256 characters, no control characters).
    private static bool Valid(string reference) => reference.Length is > 0 and <= 256 && !reference.Any(char.IsControl);

    private static JsonObject Image(string reference) => new()
    {
        ["id"] = reference,
        ["name"] = reference,
        ["status"] = "active",
        ["visibility"] = "public",
        ["protected"] = false,
        ["container_format"] = "bare",
        ["disk_format"] = "raw",
        ["min_disk"] = 0,
        ["min_ram"] = 0,
        ["tags"] = new JsonArray(),
        ["self"] = "/v2/images/" + reference,
        ["schema"] = "/v2/schemas/image",
    };
}
