namespace VmControl.OpenStack.Tests.Contract;

/// <summary>Nova's server tags API on the face (2.26+), over the VM's tag map, and the tag filters of the server list.</summary>
public sealed class ServerTagTests
{
    [Theory]
    [InlineData("GET", "")]
    [InlineData("PUT", "")]
    [InlineData("DELETE", "")]
    [InlineData("GET", "/prod")]
    [InlineData("PUT", "/prod")]
    [InlineData("DELETE", "/prod")]
    public async Task Below_226_every_tag_route_is_a_404(string method, string suffix)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (status, fault, _) = await host.CallAsync(method, $"/compute/v2.1/servers/{vm.Id}/tags{suffix}", method == "PUT" && suffix == "" ? """{"tags": []}""" : null, version: "2.25");

        Assert.Equal(404, status);
        Assert.Equal("The resource could not be found.", fault.GetProperty("itemNotFound").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Tags_are_replaced_added_checked_and_removed_as_in_nova()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var tags = $"/compute/v2.1/servers/{vm.Id}/tags";

        var (replaced, list, _) = await host.CallAsync("PUT", tags, """{"tags": ["prod", "tier=1"]}""", user: "bob", version: "2.26");
        var (added, _, addResponse) = await host.CallAsync("PUT", tags + "/blue", user: "bob", version: "2.26");
        var (again, _, _) = await host.CallAsync("PUT", tags + "/blue", user: "bob", version: "2.26");
        var (has, _, _) = await host.CallAsync("GET", tags + "/blue", user: "rita", version: "2.26");
        var (removed, _, _) = await host.CallAsync("DELETE", tags + "/prod", user: "bob", version: "2.26");
        var (hasNot, missing, _) = await host.CallAsync("GET", tags + "/prod", user: "rita", version: "2.26");
        var (removedAgain, _, _) = await host.CallAsync("DELETE", tags + "/prod", user: "bob", version: "2.26");
        var (_, shown, _) = await host.CallAsync("GET", tags, user: "rita", version: "2.26");

        Assert.Equal((200, 201, 204, 204, 204, 404, 404), (replaced, added, again, has, removed, hasNot, removedAgain));
        Assert.Equal(["prod", "tier=1"], list.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal($"http://localhost/compute/v2.1/servers/{vm.Id}/tags/blue", addResponse.Headers.Location!.ToString());
        Assert.Equal($"Server {vm.Id} has no tag 'prod'", missing.GetProperty("itemNotFound").GetProperty("message").GetString());
        Assert.Equal(["blue", "tier=1"], shown.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(new Dictionary<string, string> { ["blue"] = "", ["tier"] = "1" }, (await host.Vms.GetAsync(vm.Id))!.Tags);

        var (cleared, _, _) = await host.CallAsync("DELETE", tags, user: "bob", version: "2.26");
        Assert.Equal(204, cleared);
        Assert.Empty((await host.Vms.GetAsync(vm.Id))!.Tags);
    }

    [Theory]
    [InlineData("PUT", "/a,b", null)]
    [InlineData("PUT", "/0123456789012345678901234567890123456789012345678901234567890", null)]
    [InlineData("PUT", "", """{"tags": ["ok", ""]}""")]
    [InlineData("PUT", "", """{"tags": ["a/b"]}""")]
    [InlineData("PUT", "", """{"tags": "prod"}""")]
    [InlineData("PUT", "", """{"tags": [], "more": 1}""")]
    public async Task A_tag_nova_would_refuse_is_a_400(string method, string suffix, string? body)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (status, fault, _) = await host.CallAsync(method, $"/compute/v2.1/servers/{vm.Id}/tags{suffix}", body, version: "2.26");

        Assert.Equal(400, status);
        Assert.Equal(400, fault.GetProperty("badRequest").GetProperty("code").GetInt32());
        Assert.Empty((await host.Vms.GetAsync(vm.Id))!.Tags);
    }

    [Fact]
    public async Task Tags_do_not_change_while_building_and_readers_cannot_change_them()
    {
        await using var host = await FacadeHost.StartAsync();
        var building = host.SeedVm(VmState.Initialized, powerState: PowerState.NoState);
        var active = host.SeedVm();

        var (conflict, fault, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{building.Id}/tags/prod", version: "2.26");
        var (forbidden, _, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{active.Id}/tags/prod", user: "rita", version: "2.26");

        Assert.Equal((409, 403), (conflict, forbidden));
        Assert.Equal($"Cannot 'update tag' instance {building.Id} while it is in vm_state building", fault.GetProperty("conflictingRequest").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("tags=prod", "2.26", new[] { "a", "ab" })]
    [InlineData("tags=prod,blue", "2.26", new[] { "ab" })]
    [InlineData("tags-any=blue,green", "2.26", new[] { "ab", "b" })]
    [InlineData("not-tags=prod,blue", "2.26", new[] { "a", "b", "none" })]
    [InlineData("not-tags-any=prod", "2.26", new[] { "b", "none" })]
    [InlineData("tags=prod", "2.25", new[] { "a", "ab", "b", "none" })]
    public async Task The_list_filters_on_tags_from_226(string query, string version, string[] expected)
    {
        await using var host = await FacadeHost.StartAsync();
        foreach (var (name, tags) in new[] { ("a", new[] { "prod" }), ("ab", ["prod", "blue"]), ("b", ["blue"]), ("none", []) })
        {
            var vm = host.SeedVm(name: name);
            await host.Vms.TryReplaceAsync(vm with { Tags = tags.ToDictionary(t => t, _ => string.Empty) });
        }

        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?" + query, version: version);

        Assert.Equal(200, status);
        Assert.Equal(expected, body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
    }
}
