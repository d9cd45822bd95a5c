namespace VmControl.OpenStack.Tests.Contract;

public sealed class ServerTests
{
    private static readonly string[] DetailFields =
    [
        "OS-DCF:diskConfig", "OS-EXT-AZ:availability_zone", "OS-EXT-STS:power_state", "OS-EXT-STS:task_state", "OS-EXT-STS:vm_state",
        "OS-SRV-USG:launched_at", "OS-SRV-USG:terminated_at", "accessIPv4", "accessIPv6", "addresses", "config_drive", "created", "flavor",
        "hostId", "id", "image", "key_name", "links", "metadata", "name", "os-extended-volumes:volumes_attached", "progress", "status",
        "tenant_id", "updated", "user_id",
    ];

    [Fact]
    public async Task Show_renders_exactly_novas_21_fields_for_a_member()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}", user: "bob");
        Assert.Equal(200, status);
        var server = body.GetProperty("server");
        Assert.Equal(DetailFields.Order(StringComparer.Ordinal), FacadeHost.Keys(server));
        Assert.Equal("ACTIVE", server.GetProperty("status").GetString());
        Assert.Equal("active", server.GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Equal(JsonValueKind.Null, server.GetProperty("OS-EXT-STS:task_state").ValueKind);
        Assert.Equal(1, server.GetProperty("OS-EXT-STS:power_state").GetInt32());
        Assert.Equal("1", server.GetProperty("flavor").GetProperty("id").GetString());
        Assert.Equal("ubuntu", server.GetProperty("image").GetProperty("id").GetString());
        Assert.Equal("2026-01-01T00:00:00Z", server.GetProperty("created").GetString());
    }

    [Fact]
    public async Task Admins_also_see_the_extended_server_attributes()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (_, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}");
        Assert.Equal("fake", body.GetProperty("server").GetProperty("OS-EXT-SRV-ATTR:host").GetString());
    }

    [Theory]
    [InlineData(VmState.Stopped, TaskState.PoweringOn, "powering-on", "stopped", "SHUTOFF", false)]
    [InlineData(VmState.Active, TaskState.PoweringOff, "powering-off", "active", "ACTIVE", true)]
    [InlineData(VmState.SoftDeleted, null, null, "soft-delete", "SOFT_DELETED", false)]
    [InlineData(VmState.Initialized, TaskState.Spawning, "spawning", "building", "BUILD", true)]
    [InlineData(VmState.Resized, TaskState.ResizeReverting, "resize_reverting", "resized", "REVERT_RESIZE", false)]
    [InlineData(VmState.Active, TaskState.ResizeMigrating, "resize_migrating", "active", "RESIZE", true)]
    [InlineData(VmState.Error, null, null, "error", "ERROR", false)]
    public async Task Show_spells_states_as_nova(VmState vmState, TaskState? task, string? novaTask, string novaVm, string status, bool progress)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(vmState, task);
        var (_, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}");
        var server = body.GetProperty("server");
        Assert.Equal(novaTask, server.GetProperty("OS-EXT-STS:task_state").GetString());
        Assert.Equal(novaVm, server.GetProperty("OS-EXT-STS:vm_state").GetString());
        Assert.Equal(status, server.GetProperty("status").GetString());
        Assert.Equal(progress, server.TryGetProperty("progress", out _));
    }

    [Theory]
    [InlineData("vm-0000000000000000")]
    [InlineData("not-an-id")]
    public async Task Show_of_an_unknown_server_is_itemNotFound(string id)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, body, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{id}");
        Assert.Equal(404, status);
        Assert.Equal($"Instance {id} could not be found.", body.GetProperty("itemNotFound").GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_hard_deleted_server_is_a_404()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);
        var (status, _, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}");
        Assert.Equal(404, status);
    }

    [Fact]
    public async Task Create_is_a_202_with_novas_create_view_and_records_the_request_id()
    {
        await using var host = await FacadeHost.StartAsync();
        var body = """{"server": {"name": "vm1", "imageRef": "ubuntu", "flavorRef": "2", "metadata": {"team": "a"}, "networks": "none"}}""";
        var (status, json, response) = await host.CallAsync("POST", "/compute/v2.1/servers", body);
        Assert.Equal(202, status);
        var server = json.GetProperty("server");
        Assert.Equal(["OS-DCF:diskConfig", "adminPass", "id", "links", "security_groups"], FacadeHost.Keys(server));
        var id = server.GetProperty("id").GetString()!;
        Assert.Equal($"http://localhost/compute/v2.1/servers/{id}", response.Headers.Location!.ToString());
        var vm = (await host.Vms.GetAsync(id))!;
        Assert.Equal("medium", vm.Size);
        Assert.Equal("a", vm.Tags["team"]);
        var action = (await host.Actions.GetAsync(id, vm.CurrentActionId!))!;
        Assert.Equal(response.Headers.GetValues("x-compute-request-id").Single(), action.RequestId);
        Assert.Equal("openstack:alice", action.RequestedBy);
    }

    [Theory]
    [InlineData("""{"server": {"name": "vm1", "imageRef": "ubuntu", "flavorRef": "99"}}""")]
    [InlineData("""{"server": {"name": " bad name", "imageRef": "ubuntu", "flavorRef": "1"}}""")]
    [InlineData("""{"server": {"name": "vm1", "flavorRef": "1"}}""")]
    [InlineData("""{"server": {"name": "vm1", "imageRef": "ubuntu", "flavorRef": "1", "metadata": {"a": 1}}}""")]
    [InlineData("""{"nope": {}}""")]
    [InlineData("""not json""")]
    public async Task Bad_creates_are_a_bad_request_and_write_nothing(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("POST", "/compute/v2.1/servers", body);
        Assert.Equal(400, status);
        Assert.Equal(400, json.GetProperty("badRequest").GetProperty("code").GetInt32());
        Assert.Equal(0, host.Vms.Writes);
    }

    [Fact]
    public async Task Delete_is_a_204_recording_the_request_id_and_a_repeat_while_deleting_too()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, _, response) = await host.CallAsync("DELETE", $"/compute/v2.1/servers/{vm.Id}");
        Assert.Equal(204, status);
        var deleting = (await host.Vms.GetAsync(vm.Id))!;
        Assert.Equal(TaskState.Deleting, deleting.TaskState);
        Assert.Equal(response.Headers.GetValues("x-compute-request-id").Single(), (await host.Actions.GetAsync(vm.Id, deleting.CurrentActionId!))!.RequestId);

        var (again, _, _) = await host.CallAsync("DELETE", $"/compute/v2.1/servers/{vm.Id}");
        Assert.Equal(204, again);
    }

    [Fact]
    public async Task Delete_of_a_deleted_or_unknown_server_is_a_404()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);
        Assert.Equal(404, (await host.CallAsync("DELETE", $"/compute/v2.1/servers/{vm.Id}")).Status);
        Assert.Equal(404, (await host.CallAsync("DELETE", "/compute/v2.1/servers/vm-0000000000000000")).Status);
    }

    [Fact]
    public async Task A_store_outage_is_a_503_serviceUnavailable()
    {
        await using var host = await FacadeHost.StartAsync();
        var token = await host.TokenAsync();
        host.Vms.Unavailable = true;
        using var response = await host.SendAsync("GET", "/compute/v2.1/servers", token: token);
        Assert.Equal(503, (int)response.StatusCode);
        Assert.Contains("serviceUnavailable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
