namespace VmControl.OpenStack.Tests.Contract;

/// <summary>The conformance bugs of the Nova face, each as Nova answers it.</summary>
public sealed class FixesTests
{
    [Theory]
    [InlineData("/compute/v2.1/servers?limit=0")]
    [InlineData("/compute/v2.1/servers/detail?limit=0")]
    public async Task Limit_zero_is_an_empty_page_without_a_next_link(string path)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm();
        var (status, body, _) = await host.CallAsync("GET", path);
        Assert.Equal(200, status);
        Assert.Equal(0, body.GetProperty("servers").GetArrayLength());
        Assert.False(body.TryGetProperty("servers_links", out _));
    }

    [Theory]
    [InlineData("flavor=1", new[] { "a" })]
    [InlineData("flavor=2", new[] { "b", "c" })]
    [InlineData("flavor=99", new string[0])]
    [InlineData("image=debian", new[] { "c" })]
    [InlineData("image=ubuntu&flavor=2", new[] { "b" })]
    [InlineData("image=nothing", new string[0])]
    public async Task Flavor_and_image_filter_the_listing(string query, string[] names)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(name: "a", size: "small", createdAt: DateTimeOffset.UnixEpoch.AddMinutes(3));
        host.SeedVm(name: "b", size: "medium", createdAt: DateTimeOffset.UnixEpoch.AddMinutes(2));
        host.Vms.Seed(host.SeedVm(name: "c", size: "medium", createdAt: DateTimeOffset.UnixEpoch.AddMinutes(1)) with { Image = "debian" });
        foreach (var list in new[] { "/compute/v2.1/servers?", "/compute/v2.1/servers/detail?" })
        {
            var (status, body, _) = await host.CallAsync("GET", list + query);
            Assert.Equal(200, status);
            Assert.Equal(names, body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()));
        }
    }

    [Theory]
    [InlineData("", new[] { "1", "2", "3" })]
    [InlineData("?minRam=4096", new[] { "2", "3" })]
    [InlineData("?minDisk=41", new[] { "3" })]
    [InlineData("?minRam=2048&minDisk=40", new[] { "2", "3" })]
    [InlineData("?limit=2", new[] { "1", "2" })]
    [InlineData("?marker=1", new[] { "2", "3" })]
    [InlineData("?marker=1&limit=1", new[] { "2" })]
    [InlineData("?marker=3", new string[0])]
    [InlineData("?limit=0", new string[0])]
    public async Task Flavors_apply_minRam_minDisk_limit_and_marker(string query, string[] ids)
    {
        await using var host = await FacadeHost.StartAsync();
        foreach (var list in new[] { "/compute/v2.1/flavors", "/compute/v2.1/flavors/detail" })
        {
            var (status, body, _) = await host.CallAsync("GET", list + query);
            Assert.Equal(200, status);
            Assert.Equal(ids, body.GetProperty("flavors").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        }
    }

    [Fact]
    public async Task A_full_flavor_page_links_to_the_next()
    {
        await using var host = await FacadeHost.StartAsync();
        var (_, body, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/detail?limit=2&minRam=1");
        var next = body.GetProperty("flavors_links")[0];
        Assert.Equal("next", next.GetProperty("rel").GetString());
        Assert.Equal("http://localhost/compute/v2.1/flavors/detail?limit=2&minRam=1&marker=2", next.GetProperty("href").GetString());
    }

    [Theory]
    [InlineData("?marker=99", "marker [99] not found")]
    [InlineData("?minRam=abc", "Invalid minRam filter [abc]")]
    [InlineData("?minDisk=-1", "Invalid minDisk filter [-1]")]
    [InlineData("?limit=x", "limit param must be an integer")]
    public async Task Bad_flavor_parameters_are_a_bad_request(string query, string message)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/flavors" + query);
        Assert.Equal(400, status);
        Assert.Equal(message, body.GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Fact]
    public async Task Create_returns_the_given_adminPass_and_keeps_the_access_addresses()
    {
        await using var host = await FacadeHost.StartAsync();
        var body = """{"server": {"name": "Wéb ✓", "imageRef": "ubuntu", "flavorRef": "1", "adminPass": "s3cret-Pass", "accessIPv4": "203.0.113.5", "accessIPv6": "2001:db8::5"}}""";
        var (status, json, _) = await host.CallAsync("POST", "/compute/v2.1/servers", body);
        Assert.Equal(202, status);
        var created = json.GetProperty("server");
        Assert.Equal("s3cret-Pass", created.GetProperty("adminPass").GetString());
        var id = created.GetProperty("id").GetString()!;
        var vm = (await host.Vms.GetAsync(id))!;
        Assert.Equal(("Wéb ✓", "203.0.113.5", "2001:db8::5"), (vm.Name, vm.AccessIPv4, vm.AccessIPv6));

        // Nova hands the password back once and keeps it nowhere a read could show it.
        Assert.DoesNotContain("s3cret-Pass", JsonSerializer.Serialize(vm), StringComparison.Ordinal);
        var (_, shown, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{id}");
        Assert.Equal("203.0.113.5", shown.GetProperty("server").GetProperty("accessIPv4").GetString());
        Assert.Equal("2001:db8::5", shown.GetProperty("server").GetProperty("accessIPv6").GetString());
        Assert.DoesNotContain("s3cret-Pass", shown.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"accessIPv4\": \"300.1.1.1\"", "accessIPv4")]
    [InlineData("\"accessIPv4\": \"2001:db8::1\"", "accessIPv4")]
    [InlineData("\"accessIPv6\": \"10.0.0.1\"", "accessIPv6")]
    [InlineData("\"accessIPv6\": 6", "accessIPv6")]
    [InlineData("\"adminPass\": 5", "adminPass")]
    [InlineData("\"name\": \"\"", "name")]
    [InlineData("\"name\": \"tab\\tinside\"", "name")]
    public async Task Create_with_a_bad_field_is_a_badRequest_naming_it(string field, string name)
    {
        await using var host = await FacadeHost.StartAsync();
        var body = "{\"server\": {" + (name == "name" ? string.Empty : "\"name\": \"vm\", ") + "\"imageRef\": \"ubuntu\", \"flavorRef\": \"1\", " + field + "}}";
        var (status, json, _) = await host.CallAsync("POST", "/compute/v2.1/servers", body);
        Assert.Equal(400, status);
        Assert.Contains("field/attribute " + name, json.GetProperty("badRequest").GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(0, host.Vms.Writes);
    }

    [Fact]
    public async Task Rebuild_answers_with_the_new_image_and_name_and_renames_the_server()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(name: "old-name");
        var (status, json, _) = await host.CallAsync(
            "POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rebuild": {"imageRef": "debian", "name": "new name ✓", "accessIPv4": "192.0.2.8", "adminPass": "given"}}""");
        Assert.Equal(202, status);
        var server = json.GetProperty("server");
        Assert.Equal("debian", server.GetProperty("image").GetProperty("id").GetString());
        Assert.Equal("new name ✓", server.GetProperty("name").GetString());
        Assert.Equal("192.0.2.8", server.GetProperty("accessIPv4").GetString());
        Assert.Equal("given", server.GetProperty("adminPass").GetString());
        Assert.Equal(("new name ✓", "192.0.2.8"), ((await host.Vms.GetAsync(vm.Id))!.Name, (await host.Vms.GetAsync(vm.Id))!.AccessIPv4));
    }

    [Fact]
    public async Task Rebuild_without_a_name_keeps_it_and_shows_the_new_image()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(name: "keep");
        var (_, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rebuild": {"imageRef": "debian"}}""");
        Assert.Equal(("keep", "debian"), (json.GetProperty("server").GetProperty("name").GetString(), json.GetProperty("server").GetProperty("image").GetProperty("id").GetString()));
    }

    [Theory]
    [InlineData("""{"server": {"name": "a", "name": "b", "imageRef": "ubuntu", "flavorRef": "1"}}""")]
    [InlineData("""{"server": {"name": "a", "imageRef": "ubuntu", "flavorRef": "1", "metadata": {"k": "1", "k": "2"}}}""")]
    [InlineData("""{"server": {}, "server": {}}""")]
    public async Task A_body_naming_a_member_twice_is_a_badRequest_not_a_500(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("POST", "/compute/v2.1/servers", body);
        Assert.Equal(400, status);
        Assert.Equal(400, json.GetProperty("badRequest").GetProperty("code").GetInt32());
    }
}
