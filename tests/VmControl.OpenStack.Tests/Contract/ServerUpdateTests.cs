namespace VmControl.OpenStack.Tests.Contract;

/// <summary><c>PUT /servers/{id}</c>: Nova's server update, the face's side of the native <c>PATCH /api/vms/{id}</c>.</summary>
public sealed class ServerUpdateTests
{
    [Fact]
    public async Task Update_renames_sets_the_labels_and_answers_with_the_server()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(name: "before");
        var (status, json, _) = await host.CallAsync(
            "PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"name": "après ✓", "description": "front", "accessIPv4": "198.51.100.7", "accessIPv6": "2001:db8::7"}}""", user: "bob", version: "2.19");
        Assert.Equal(200, status);
        var server = json.GetProperty("server");
        Assert.Equal(("après ✓", "198.51.100.7", "2001:db8::7"), (server.GetProperty("name").GetString(), server.GetProperty("accessIPv4").GetString(), server.GetProperty("accessIPv6").GetString()));
        var stored = (await host.Vms.GetAsync(vm.Id))!;
        Assert.Equal(("après ✓", "front", "198.51.100.7"), (stored.Name, stored.Description, stored.AccessIPv4));
        Assert.Empty(host.Launcher.Starts);
    }

    [Fact]
    public async Task An_empty_address_or_null_description_clears_it_and_what_is_left_out_stays()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.Vms.Seed(host.SeedVm(name: "keep") with { Description = "d", AccessIPv4 = "192.0.2.1", AccessIPv6 = "2001:db8::1" });
        var (status, json, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"accessIPv4": "", "description": null}}""", version: "2.19");
        Assert.Equal(200, status);
        Assert.Equal(string.Empty, json.GetProperty("server").GetProperty("accessIPv4").GetString());
        var stored = (await host.Vms.GetAsync(vm.Id))!;
        Assert.Equal(("keep", null, null, "2001:db8::1"), (stored.Name, stored.Description, stored.AccessIPv4, stored.AccessIPv6));
    }

    [Theory]
    [InlineData("""{"server": {"name": " lead"}}""")]
    [InlineData("""{"server": {"name": null}}""")]
    [InlineData("""{"server": {"name": 1}}""")]
    [InlineData("""{"server": {"accessIPv4": "1.2.3"}}""")]
    [InlineData("""{"server": {"description": "line\nbreak"}}""")]
    [InlineData("""{"server": {"flavorRef": "2"}}""")]
    [InlineData("""{"server": 5}""")]
    [InlineData("""[]""")]
    public async Task A_bad_update_is_a_badRequest_and_changes_nothing(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, json, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", body, version: "2.19");
        Assert.Equal(400, status);
        Assert.Equal(400, json.GetProperty("badRequest").GetProperty("code").GetInt32());
        Assert.Equal(vm.ETag, (await host.Vms.GetAsync(vm.Id))!.ETag);
    }

    [Theory]
    [InlineData("2.18", 400)]
    [InlineData("2.19", 200)]
    public async Task A_description_is_known_from_219_as_in_novas_schema(string version, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (update, _, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"description": "front"}}""", version: version);
        var (rebuild, _, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rebuild": {"imageRef": "ubuntu", "description": "front"}}""", version: version);

        Assert.Equal((expected, expected == 200 ? 202 : 400), (update, rebuild));
        Assert.Equal(expected == 200 ? "front" : null, (await host.Vms.GetAsync(vm.Id))!.Description);
    }

    [Fact]
    public async Task Update_of_an_unknown_or_other_projects_server_is_itemNotFound_and_a_reader_is_forbidden()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (unknown, body, _) = await host.CallAsync("PUT", "/compute/v2.1/servers/vm-0000000000000000", """{"server": {"name": "x"}}""");
        var (other, _, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"name": "x"}}""", user: "otto");
        var (reader, _, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"name": "x"}}""", user: "rita");
        Assert.Equal((404, 404, 403), (unknown, other, reader));
        Assert.Equal("Instance vm-0000000000000000 could not be found.", body.GetProperty("itemNotFound").GetProperty("message").GetString());
        Assert.Equal(vm.Name, (await host.Vms.GetAsync(vm.Id))!.Name);
    }

    [Fact]
    public async Task A_locked_server_can_still_be_renamed_as_in_nova()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.Vms.Seed(host.SeedVm() with { Locked = true, LockedByAdmin = true, LockedBy = "alice" });
        var (status, _, _) = await host.CallAsync("PUT", $"/compute/v2.1/servers/{vm.Id}", """{"server": {"name": "renamed"}}""", user: "bob");
        Assert.Equal(200, status);
        Assert.Equal("renamed", (await host.Vms.GetAsync(vm.Id))!.Name);
    }
}
