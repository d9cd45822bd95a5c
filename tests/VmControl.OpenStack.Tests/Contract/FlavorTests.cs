namespace VmControl.OpenStack.Tests.Contract;

public sealed class FlavorTests
{
    [Fact]
    public async Task The_brief_list_has_id_name_links()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("GET", "/compute/v2.1/flavors");
        Assert.Equal(200, status);
        var flavors = json.GetProperty("flavors").EnumerateArray().ToList();
        Assert.Equal(["small", "medium", "large"], flavors.Select(f => f.GetProperty("name").GetString()));
        Assert.All(flavors, f => Assert.Equal(["id", "links", "name"], FacadeHost.Keys(f)));
    }

    [Fact]
    public async Task Detail_and_show_render_novas_21_flavor()
    {
        await using var host = await FacadeHost.StartAsync();
        var (_, list, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/detail?is_public=None");
        var (status, show, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/2");
        Assert.Equal(200, status);
        var flavor = show.GetProperty("flavor");
        Assert.Equal(FacadeHost.Keys(list.GetProperty("flavors")[1]), FacadeHost.Keys(flavor));
        Assert.Equal(
            ["OS-FLV-DISABLED:disabled", "OS-FLV-EXT-DATA:ephemeral", "disk", "id", "links", "name", "os-flavor-access:is_public", "ram", "rxtx_factor", "swap", "vcpus"],
            FacadeHost.Keys(flavor));
        Assert.Equal(4096, flavor.GetProperty("ram").GetInt32());
        Assert.Equal(2, flavor.GetProperty("vcpus").GetInt32());
        Assert.Equal(40, flavor.GetProperty("disk").GetInt32());
    }

    [Fact]
    public async Task Extra_specs_are_empty_and_an_unknown_flavor_is_a_404()
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/1/os-extra_specs");
        Assert.Equal(200, status);
        Assert.Empty(FacadeHost.Keys(json.GetProperty("extra_specs")));
        var (missing, fault, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/small");
        Assert.Equal(404, missing);
        Assert.Equal("Flavor small could not be found.", fault.GetProperty("itemNotFound").GetProperty("message").GetString());
    }
}
