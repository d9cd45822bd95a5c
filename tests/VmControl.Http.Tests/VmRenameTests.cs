namespace VmControl.Http.Tests;

/// <summary><c>PATCH /api/vms/{id}</c> renames and relabels a VM (the native side of Nova's server update), in one compare-and-swap.</summary>
public sealed class VmRenameTests
{
    [Fact]
    public async Task Patch_NameDescriptionAddressesAndAFlag_AreOneWrite_AndShownOnTheVm()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync(
            "PATCH",
            $"/api/vms/{vm.Id}",
            """{ "name": "Wébserver ✓ 1", "description": "front end", "accessIPv4": "203.0.113.9", "accessIPv6": "2001:db8::9", "deleteProtection": true }""",
            ("If-Match", vm.ETag!));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await ApiHost.JsonAsync(response);
        Assert.Equal(
            ["Wébserver ✓ 1", "front end", "203.0.113.9", "2001:db8::9"],
            new[] { "name", "description", "accessIPv4", "accessIPv6" }.Select(f => body.GetProperty(f).GetString()));
        Assert.True(body.GetProperty("deleteProtection").GetBoolean());
        var stored = (await api.Vms.GetAsync(vm.Id))!;
        Assert.Equal(("Wébserver ✓ 1", "front end", true), (stored.Name, stored.Description, stored.DeleteProtection));
        Assert.NotEqual(vm.ETag, stored.ETag);
        Assert.Equal(stored.ETag, response.Headers.ETag!.ToString());
    }

    [Fact]
    public async Task Patch_NullRemovesTheDescriptionAndAnAddress_AndLeavesOutWhatIsNotNamed()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.Vms.Seed(api.SeedVm() with { Description = "old", AccessIPv4 = "192.0.2.1", AccessIPv6 = "2001:db8::1" });

        using var response = await api.SendAsync("PATCH", $"/api/vms/{vm.Id}", """{ "description": null, "accessIPv4": null }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = (await api.Vms.GetAsync(vm.Id))!;
        Assert.Equal((vm.Name, null, null, "2001:db8::1"), (stored.Name, stored.Description, stored.AccessIPv4, stored.AccessIPv6));
    }

    [Fact]
    public async Task Patch_WithAStaleIfMatch_Answers412AndRenamesNothing()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("PATCH", $"/api/vms/{vm.Id}", """{ "name": "other" }""", ("If-Match", "W/\"stale\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal(vm.Name, (await api.Vms.GetAsync(vm.Id))!.Name);
    }

    [Theory]
    [InlineData("""{ "name": null }""", "name")]
    [InlineData("""{ "name": 7 }""", "name")]
    [InlineData("""{ "name": "" }""", "name")]
    [InlineData("""{ "name": " web" }""", "name")]
    [InlineData("""{ "name": "web\u00a0" }""", "name")]
    [InlineData("""{ "name": "web\nline" }""", "name")]
    [InlineData("""{ "name": "web\u200b" }""", "name")]
    [InlineData("""{ "description": "two\nlines" }""", "description")]
    [InlineData("""{ "description": 5 }""", "description")]
    [InlineData("""{ "accessIPv4": "1.2.3" }""", "accessIPv4")]
    [InlineData("""{ "accessIPv4": "2001:db8::1" }""", "accessIPv4")]
    [InlineData("""{ "accessIPv4": "1.2.3.256" }""", "accessIPv4")]
    [InlineData("""{ "accessIPv6": "192.0.2.1" }""", "accessIPv6")]
    [InlineData("""{ "accessIPv6": "fe80::1%eth0" }""", "accessIPv6")]
    [InlineData("""{ "other": 1 }""", "body")]
    public async Task Patch_AFieldBreakingItsRule_Answers400NamingIt_AndWritesNothing(string patch, string field)
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("PATCH", $"/api/vms/{vm.Id}", patch);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal(("invalid_request", field), (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()));
        Assert.Equal(vm.ETag, (await api.Vms.GetAsync(vm.Id))!.ETag);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("Ünïcödé 名前 🚀")]
    [InlineData("has inner  spaces and !@#$%^&*()")]
    public async Task Create_AcceptsNovasNames_AndTheLabels(string name)
    {
        await using var api = await ApiHost.StartAsync();
        var body = System.Text.Json.JsonSerializer.Serialize(new { name, size = "small", image = "ubuntu", description = "d", accessIPv4 = "198.51.100.4", accessIPv6 = "::1" });

        using var response = await api.SendAsync("POST", "/api/vms", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var vm = await ApiHost.JsonAsync(response);
        Assert.Equal((name, "d", "198.51.100.4", "::1"), (vm.GetProperty("name").GetString(), vm.GetProperty("description").GetString(), vm.GetProperty("accessIPv4").GetString(), vm.GetProperty("accessIPv6").GetString()));
    }

    [Fact]
    public async Task Create_ANameLongerThan255Characters_Answers400()
    {
        await using var api = await ApiHost.StartAsync();

        // 255 characters (each an astral-plane emoji, two UTF-16 units) pass; 256 do not.
        using var fits = await api.SendAsync("POST", "/api/vms", System.Text.Json.JsonSerializer.Serialize(new { name = string.Concat(Enumerable.Repeat("🚀", 255)), size = "s", image = "i" }));
        using var tooLong = await api.SendAsync("POST", "/api/vms", System.Text.Json.JsonSerializer.Serialize(new { name = new string('a', 256), size = "s", image = "i" }));

        Assert.Equal(HttpStatusCode.Accepted, fits.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }
}
