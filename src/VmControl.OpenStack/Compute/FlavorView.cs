namespace VmControl.OpenStack.Compute;

/// <summary>
/// Nova's flavor views (<c>nova/api/openstack/compute/views/flavors.py</c>) from 2.1 to 2.96: 2.55 adds
/// <c>description</c> (VmControl's flavors have none: null), 2.61 the flavor's (empty) <c>extra_specs</c> in the detail
/// view, 2.75 turns an empty <c>swap</c> from "" into 0.
/// </summary>
public static class FlavorView
{
    public static JsonObject Brief(FlavorOption flavor, string computeUrl, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        var view = new JsonObject { ["id"] = flavor.Id, ["name"] = flavor.Name, ["links"] = Links(flavor.Id, computeUrl) };
        if (version.AtLeast("2.55"))
        {
            view["description"] = null;
        }

        return view;
    }

    public static JsonObject Detail(FlavorOption flavor, string computeUrl, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        var view = new JsonObject
        {
            ["id"] = flavor.Id,
            ["name"] = flavor.Name,
            ["ram"] = flavor.Ram,
            ["disk"] = flavor.Disk,
            ["vcpus"] = flavor.Vcpus,
            ["links"] = Links(flavor.Id, computeUrl),
            ["OS-FLV-EXT-DATA:ephemeral"] = 0,
            ["OS-FLV-DISABLED:disabled"] = false,
            ["swap"] = version.AtLeast("2.75") ? 0 : string.Empty,
            ["rxtx_factor"] = 1.0,
            ["os-flavor-access:is_public"] = true,
        };
        if (version.AtLeast("2.55"))
        {
            view["description"] = null;
        }

        // Nova's policy shows extra specs to every reader of the project.
        if (version.AtLeast("2.61"))
        {
            view["extra_specs"] = new JsonObject();
        }

        return view;
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
