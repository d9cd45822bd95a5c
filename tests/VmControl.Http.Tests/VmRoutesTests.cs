namespace VmControl.Http.Tests;

public sealed class VmRoutesTests
{
    [Fact]
    public async Task CreateVm_ValidBody_Answers202WithLocationsAndTheVm()
    {
        await using var api = await ApiHost.StartAsync();

        using var response = await api.SendAsync("POST", "/api/vms", """{ "name": "web-1", "size": "small", "image": "ubuntu", "tags": { "env": "dev" }, "extra": 1 }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var vm = await ApiHost.JsonAsync(response);
        var id = vm.GetProperty("id").GetString()!;
        Assert.Equal($"/api/vms/{id}", response.Headers.Location!.OriginalString);
        var actionId = vm.GetProperty("currentActionId").GetString();
        Assert.Equal($"/api/vms/{id}/actions/{actionId}", response.Headers.GetValues("Operation-Location").Single());
        Assert.Equal("initialized", vm.GetProperty("vmState").GetString());
        Assert.Equal("spawning", vm.GetProperty("taskState").GetString());
        Assert.Equal("nostate", vm.GetProperty("powerState").GetString());
        Assert.Equal("dev", vm.GetProperty("tags").GetProperty("env").GetString());
        Assert.Single(api.Launcher.Starts);
    }

    [Fact]
    public async Task GetVm_Existing_Answers200WithETagAndAllowedActions()
    {
        await using var api = await ApiHost.StartAsync();
        var seeded = api.SeedVm(VmState.Error);

        using var response = await api.SendAsync("GET", $"/api/vms/{seeded.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(seeded.ETag, response.Headers.ETag!.ToString());
        var vm = await ApiHost.JsonAsync(response);
        Assert.Equal(["delete"], vm.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task ListVms_FilterAndPaging_ReturnsItemsAndAToken()
    {
        await using var api = await ApiHost.StartAsync();
        for (var i = 0; i < 3; i++)
        {
            api.SeedVm(VmState.Stopped, powerState: PowerState.Shutdown);
        }

        api.SeedVm(VmState.Active);

        using var first = await api.SendAsync("GET", "/api/vms?vmState=stopped&limit=2");
        var page = await ApiHost.JsonAsync(first);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(2, page.GetProperty("items").GetArrayLength());
        var token = page.GetProperty("continuationToken").GetString()!;

        using var second = await api.SendAsync("GET", $"/api/vms?vmState=stopped&limit=2&continuationToken={Uri.EscapeDataString(token)}");
        var last = await ApiHost.JsonAsync(second);
        Assert.Equal(1, last.GetProperty("items").GetArrayLength());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, last.GetProperty("continuationToken").ValueKind);
    }

    [Fact]
    public async Task ListVms_NamePrefixWithoutHardDeleted_ReturnsOnlyTheLiveVmsWhoseNameStartsWithIt()
    {
        await using var api = await ApiHost.StartAsync();
        var web = api.Vms.Seed(api.SeedVm() with { Name = "web-7" });
        api.Vms.Seed(api.SeedVm() with { Name = "db-7" });

        api.Vms.Seed(api.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState) with { Name = "web-8" });

        using var response = await api.SendAsync("GET", "/api/vms?name=web&excludeHardDeleted=true");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ApiHost.JsonAsync(response);
        Assert.Equal([web.Id], page.GetProperty("items").EnumerateArray().Select(v => v.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task RequestAction_Stop_Answers202WithTheActionRecord()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsAsync(TestKeys.Operator, "POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var action = await ApiHost.JsonAsync(response);
        Assert.Equal("stop", action.GetProperty("action").GetString());
        Assert.Equal("powering_off", action.GetProperty("taskState").GetString());
        Assert.Equal("running", action.GetProperty("status").GetString());
        Assert.Equal("test-operator", action.GetProperty("requestedBy").GetString());
        Assert.Equal($"/api/vms/{vm.Id}/actions/{action.GetProperty("id").GetString()}", response.Headers.GetValues("Operation-Location").Single());
    }

    [Theory]
    [InlineData("""{ "action": "reboot", "type": "hard" }""", "reboot_hard")]
    [InlineData("""{ "action": "reboot", "type": "soft" }""", "reboot")]
    [InlineData("""{ "action": "resize", "size": "large" }""", "resize")]
    [InlineData("""{ "action": "snapshot", "name": "before-upgrade" }""", "snapshot")]
    public async Task RequestAction_WithParameters_StartsTheNamedAction(string body, string expected)
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(expected, (await ApiHost.JsonAsync(response)).GetProperty("action").GetString());
    }

    [Fact]
    public async Task DeleteVm_Twice_Answers202BothTimesWithOneTask()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var first = await api.SendAsync("DELETE", $"/api/vms/{vm.Id}");
        using var second = await api.SendAsync("DELETE", $"/api/vms/{vm.Id}");

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(first.Headers.GetValues("Operation-Location").Single(), second.Headers.GetValues("Operation-Location").Single());
        Assert.Single(api.Launcher.Starts);
    }

    [Fact]
    public async Task DeleteVm_HardDeleted_Answers200()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);

        using var response = await api.SendAsync("DELETE", $"/api/vms/{vm.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(api.Launcher.Starts);
    }

    [Fact]
    public async Task ResetState_ToActive_Answers200WithTheVm()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(VmState.Error);

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/reset-state", """{ "vmState": "active", "reason": "fixed by hand" }""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("active", (await ApiHost.JsonAsync(response)).GetProperty("vmState").GetString());
        Assert.NotNull(response.Headers.ETag);
    }

    [Fact]
    public async Task ActionHistory_AfterAnAction_ListsItAndGetsIt()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();
        using var accepted = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "pause" }""");
        var actionId = (await ApiHost.JsonAsync(accepted)).GetProperty("id").GetString();

        using var list = await api.SendAsync("GET", $"/api/vms/{vm.Id}/actions?limit=10");
        using var one = await api.SendAsync("GET", $"/api/vms/{vm.Id}/actions/{actionId}");

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Equal(actionId, (await ApiHost.JsonAsync(list)).GetProperty("items")[0].GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var action = await ApiHost.JsonAsync(one);
        Assert.Equal("pause", action.GetProperty("action").GetString());
        Assert.Equal("active", action.GetProperty("vmStateBefore").GetString());
    }
}
