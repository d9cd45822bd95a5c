using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.OpenStack.Tests.Contract;

/// <summary>
/// What each microversion changes in the answers, value by value (the Tempest oracle checks the shapes): the server
/// fields from 2.3 to 2.96, the flavor's from 2.55 to 2.75, and the instance actions' paging and events.
/// </summary>
public sealed class MicroversionViewTests
{
    [Theory]
    [InlineData("2.1", "alice", new[] { "OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-SRV-ATTR:instance_name" })]
    [InlineData("2.3", "alice", new[] { "OS-EXT-SRV-ATTR:host", "OS-EXT-SRV-ATTR:hostname", "OS-EXT-SRV-ATTR:hypervisor_hostname", "OS-EXT-SRV-ATTR:instance_name", "OS-EXT-SRV-ATTR:kernel_id", "OS-EXT-SRV-ATTR:launch_index", "OS-EXT-SRV-ATTR:ramdisk_id", "OS-EXT-SRV-ATTR:reservation_id", "OS-EXT-SRV-ATTR:root_device_name", "OS-EXT-SRV-ATTR:user_data" })]
    [InlineData("2.3", "bob", new string[0])]
    [InlineData("2.89", "bob", new string[0])]
    [InlineData("2.90", "bob", new[] { "OS-EXT-SRV-ATTR:hostname" })]
    public async Task Extended_attributes_grow_at_23_and_the_hostname_reaches_members_at_290(string version, string user, string[] expected)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(name: "Web Server_1");

        var (_, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", user: user, version: version);

        var server = body.GetProperty("server");
        Assert.Equal(expected, FacadeHost.Keys(server).Where(k => k.StartsWith("OS-EXT-SRV-ATTR:", StringComparison.Ordinal)));
        if (expected.Contains("OS-EXT-SRV-ATTR:hostname"))
        {
            Assert.Equal("web-server-1", server.GetProperty("OS-EXT-SRV-ATTR:hostname").GetString());
        }
    }

    [Fact]
    public async Task Each_version_adds_its_fields_with_novas_values()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        await host.Vms.TryReplaceAsync(vm with
        {
            Tags = new Dictionary<string, string> { ["prod"] = "", ["tier"] = "1" },
            Description = "front end",
            AccessIPv4 = "192.0.2.1",
            ExternalId = "fake-1",
        });

        async Task<JsonElement> Show(string version, string user = "alice") =>
            (await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", user: user, version: version)).Body.GetProperty("server");

        var v21 = await Show("2.1");
        var v296 = await Show("2.96");
        var member = await Show("2.96", "bob");

        Assert.Equal("192.0.2.1", v21.GetProperty("accessIPv4").GetString());
        Assert.Equal("", v21.GetProperty("accessIPv6").GetString());
        Assert.Equal("1", v21.GetProperty("flavor").GetProperty("id").GetString());
        foreach (var field in new[] { "locked", "host_status", "description", "tags", "trusted_image_certificates", "server_groups", "locked_reason", "pinned_availability_zone" })
        {
            Assert.False(v21.TryGetProperty(field, out _), field);
        }

        Assert.False(v296.GetProperty("locked").GetBoolean());
        Assert.Equal("UP", v296.GetProperty("host_status").GetString());
        Assert.False(member.TryGetProperty("host_status", out _));
        Assert.Equal("front end", v296.GetProperty("description").GetString());
        Assert.Equal(["prod", "tier=1"], v296.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(JsonValueKind.Null, v296.GetProperty("trusted_image_certificates").ValueKind);
        Assert.Empty(v296.GetProperty("server_groups").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, v296.GetProperty("locked_reason").ValueKind);
        Assert.Equal(JsonValueKind.Null, v296.GetProperty("pinned_availability_zone").ValueKind);
        var flavor = v296.GetProperty("flavor");
        Assert.Equal(["disk", "ephemeral", "extra_specs", "original_name", "ram", "swap", "vcpus"], FacadeHost.Keys(flavor));
        Assert.Equal(("small", 1, 2048, 20, 0), (flavor.GetProperty("original_name").GetString(), flavor.GetProperty("vcpus").GetInt32(),
            flavor.GetProperty("ram").GetInt32(), flavor.GetProperty("disk").GetInt32(), flavor.GetProperty("swap").GetInt32()));
    }

    [Fact]
    public async Task A_server_on_no_host_yet_has_an_empty_host_status_and_the_detail_list_has_no_server_groups()
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(VmState.Initialized, powerState: PowerState.NoState);

        var (_, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers/detail", version: "2.96");

        var server = body.GetProperty("servers")[0];
        Assert.Equal("", server.GetProperty("host_status").GetString());
        Assert.False(server.TryGetProperty("server_groups", out _));
    }

    [Theory]
    [InlineData("2.74", false)]
    [InlineData("2.75", true)]
    public async Task Rebuild_answers_with_the_whole_server_from_275(string version, bool whole)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (status, body, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rebuild": {"imageRef": "ubuntu"}}""", version: version);

        Assert.Equal(202, status);
        var server = body.GetProperty("server");
        Assert.Equal(whole, server.TryGetProperty("OS-EXT-STS:vm_state", out _));
        Assert.Equal(whole, server.TryGetProperty("OS-EXT-SRV-ATTR:host", out _));
        Assert.True(server.TryGetProperty("adminPass", out _));
        Assert.True(server.TryGetProperty("user_data", out _));
        Assert.True(server.TryGetProperty("key_name", out _));
    }

    [Theory]
    [InlineData("2.54", "", false, false)]
    [InlineData("2.55", "", true, false)]
    [InlineData("2.61", "", true, true)]
    [InlineData("2.75", 0, true, true)]
    public async Task Flavors_gain_description_extra_specs_and_a_numeric_swap(string version, object swap, bool description, bool extraSpecs)
    {
        await using var host = await FacadeHost.StartAsync();

        var (_, show, _) = await host.CallAsync("GET", "/compute/v2.1/flavors/1", user: "rita", version: version);
        var (_, brief, _) = await host.CallAsync("GET", "/compute/v2.1/flavors", user: "rita", version: version);

        var flavor = show.GetProperty("flavor");
        Assert.Equal(swap.ToString(), flavor.GetProperty("swap").ToString());
        Assert.Equal(swap is int ? JsonValueKind.Number : JsonValueKind.String, flavor.GetProperty("swap").ValueKind);
        Assert.Equal(description, flavor.TryGetProperty("description", out _));
        Assert.Equal(description, brief.GetProperty("flavors")[0].TryGetProperty("description", out _));
        Assert.Equal(extraSpecs, flavor.TryGetProperty("extra_specs", out _));
    }

    [Theory]
    [InlineData("2.36", "BOGUS", 200)]
    [InlineData("2.37", "BOGUS", 200)]
    [InlineData("2.38", "BOGUS", 400)]
    [InlineData("2.38", "active", 200)]
    public async Task An_unknown_status_filter_is_a_400_from_238(string version, string status, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm();

        var (code, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?status=" + status, version: version);

        Assert.Equal(expected, code);
        if (expected == 200)
        {
            Assert.Equal(status == "active" ? 1 : 0, body.GetProperty("servers").GetArrayLength());
        }
    }

    [Fact]
    public async Task Instance_actions_page_from_258_with_updated_at_and_a_next_link()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var start = host.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await host.Actions.AppendAsync(new ActionRecord { Id = ActionIds.New(start.AddSeconds(i)), VmId = vm.Id, Action = "stop", RequestedAt = start.AddSeconds(i), RequestId = $"req-{i}" });
        }

        var path = $"/compute/v2.1/servers/{vm.Id}/os-instance-actions";
        var (_, old, _) = await host.CallAsync("GET", path + "?limit=1&whatever=1", version: "2.57");
        var (_, first, _) = await host.CallAsync("GET", path + "?limit=2", version: "2.58");
        var (_, second, _) = await host.CallAsync("GET", path + "?limit=2&marker=req-1", version: "2.58");
        var (_, since, _) = await host.CallAsync("GET", path + "?changes-since=" + Uri.EscapeDataString(start.AddSeconds(1).ToString("O")), version: "2.58");
        var (unknown, _, _) = await host.CallAsync("GET", path + "?whatever=1", version: "2.58");
        var (before, _, _) = await host.CallAsync("GET", path + "?changes-before=2026-01-01T00:00:00Z", version: "2.58");
        var (badMarker, fault, _) = await host.CallAsync("GET", path + "?marker=req-9", version: "2.58");

        Assert.Equal(3, old.GetProperty("instanceActions").GetArrayLength());
        Assert.False(old.GetProperty("instanceActions")[0].TryGetProperty("updated_at", out _));
        Assert.Equal(["req-2", "req-1"], first.GetProperty("instanceActions").EnumerateArray().Select(a => a.GetProperty("request_id").GetString()));
        Assert.Equal("2026-01-01T00:00:02.000000", first.GetProperty("instanceActions")[0].GetProperty("updated_at").GetString());
        Assert.Equal($"http://localhost{path}?limit=2&marker=req-1", first.GetProperty("links")[0].GetProperty("href").GetString());
        Assert.Equal(["req-0"], second.GetProperty("instanceActions").EnumerateArray().Select(a => a.GetProperty("request_id").GetString()));
        Assert.False(second.TryGetProperty("links", out _));
        Assert.Equal(["req-2", "req-1"], since.GetProperty("instanceActions").EnumerateArray().Select(a => a.GetProperty("request_id").GetString()));
        Assert.Equal((400, 400, 400), (unknown, before, badMarker));
        Assert.Equal("Marker req-9 could not be found.", fault.GetProperty("badRequest").GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("2.50", "bob", false, false)]
    [InlineData("2.51", "bob", true, false)]
    [InlineData("2.1", "alice", true, true)]
    public async Task Members_see_events_from_251_without_the_traceback(string version, string user, bool events, bool traceback)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var action = new ActionRecord { Id = ActionIds.New(host.Time.GetUtcNow()), VmId = vm.Id, Action = "stop", RequestId = "req-x" };
        await host.Actions.AppendAsync(action);
        await host.Actions.AddEventAsync(vm.Id, action.Id, new ActionEvent("task.failed", host.Time.GetUtcNow(), "error", "boom"));
        await host.Actions.FinishAsync(vm.Id, action.Id, ActionStatus.Failed, VmState.Active, null, host.Time.GetUtcNow());

        var (_, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions/req-x", user: user, version: version);

        var shown = body.GetProperty("instanceAction");
        Assert.Equal(events, shown.TryGetProperty("events", out var list));
        if (events)
        {
            Assert.Equal(traceback, list[0].TryGetProperty("traceback", out _));
        }
    }

    [Theory]
    [InlineData("2.20", 404)]
    [InlineData("2.21", 200)]
    public async Task A_deleted_servers_history_is_shown_from_221(string version, int expected)
    {
        await using var host = await FacadeHost.StartAsync();
        var gone = host.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);

        var (status, _, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{gone.Id}/os-instance-actions", version: version);

        Assert.Equal(expected, status);
    }

    [Theory]
    [InlineData("locked=true", "2.73", 200, new[] { "held" })]
    [InlineData("locked=0", "2.73", 200, new[] { "free" })]
    [InlineData("locked=maybe", "2.73", 400, new string[0])]
    [InlineData("locked=true", "2.72", 200, new[] { "free", "held" })]
    public async Task The_list_filters_on_the_lock_from_273(string query, string version, int expected, string[] names)
    {
        await using var host = await FacadeHost.StartAsync();
        host.SeedVm(name: "free");
        var held = host.SeedVm(name: "held");
        await host.Vms.TryReplaceAsync(held with { Locked = true });

        var (status, body, _) = await host.CallAsync("GET", "/compute/v2.1/servers?" + query, version: version);

        Assert.Equal(expected, status);
        if (expected == 200)
        {
            Assert.Equal(names, body.GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("name").GetString()!).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [InlineData("/compute/v2.1/servers?bogus=1", "2.74", 200)]
    [InlineData("/compute/v2.1/servers?bogus=1", "2.75", 400)]
    [InlineData("/compute/v2.1/servers/detail?deleted=False&sort_key=created_at&host=x", "2.75", 200)]
    [InlineData("/compute/v2.1/flavors/detail?bogus=1", "2.74", 200)]
    [InlineData("/compute/v2.1/flavors/detail?bogus=1", "2.75", 400)]
    [InlineData("/compute/v2.1/flavors?is_public=None&minRam=1", "2.75", 200)]
    public async Task Unknown_list_parameters_are_a_400_from_275(string path, string version, int expected)
    {
        await using var host = await FacadeHost.StartAsync();

        var (status, body, _) = await host.CallAsync("GET", path, version: version);

        Assert.Equal(expected, status);
        if (expected == 400)
        {
            Assert.Equal("Invalid input for query parameters bogus. Additional properties are not allowed ('bogus' was unexpected)", body.GetProperty("badRequest").GetProperty("message").GetString());
        }
    }

    [Theory]
    [InlineData("2.44", false)]
    [InlineData("2.45", true)]
    public async Task CreateImage_answers_with_the_image_id_from_245_and_a_location_before(string version, bool body)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();

        var (status, json, response) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"createImage": {"name": "snap"}}""", version: version);

        Assert.Equal(202, status);
        Assert.Equal(body, json.ValueKind == JsonValueKind.Object && json.TryGetProperty("image_id", out _));
        Assert.Equal(!body, response.Headers.Location is not null);
    }
}
