namespace VmControl.OpenStack.Compute;

/// <summary>Nova's flavor views at 2.1 (<c>nova/api/openstack/compute/views/flavors.py</c>).</summary>
public static class FlavorView
{
    public static JsonObject Brief(FlavorOption flavor, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        return new JsonObject { ["id"] = flavor.Id, ["name"] = flavor.Name, ["links"] = Links(flavor.Id, computeUrl) };
    }

    public static JsonObject Detail(FlavorOption flavor, string computeUrl)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        return new JsonObject
        {
            ["id"] = flavor.Id,
            ["name"] = flavor.Name,
            ["ram"] = flavor.Ram,
            ["disk"] = flavor.Disk,
            ["vcpus"] = flavor.Vcpus,
            ["links"] = Links(flavor.Id, computeUrl),
            ["OS-FLV-EXT-DATA:ephemeral"] = 0,
            ["OS-FLV-DISABLED:disabled"] = false,
            ["swap"] = string.Empty,
            ["rxtx_factor"] = 1.0,
            ["os-flavor-access:is_public"] = true,
        };
    }

    /// <summary>The reference a server carries: <c>{id, links:[bookmark]}</c>.</summary>
    public static JsonObject Reference(string id, string computeUrl) =>
        new() { ["id"] = id, ["links"] = new JsonArray(Link("bookmark", Bookmark(computeUrl) + "/flavors/" + id)) };

    public static JsonArray Links(string id, string computeUrl) =>
        [Link("self", computeUrl + "/flavors/" + id), Link("bookmark", Bookmark(computeUrl) + "/flavors/" + id)];

    public static JsonObject Link(string rel, string href) => new() { ["rel"] = rel, ["href"] = href };

    /// <summary>Nova's bookmark links drop the version segment.</summary>
    public static string Bookmark(string computeUrl) => computeUrl[..computeUrl.LastIndexOf('/')];
}
