namespace VmControl.Http.Tests;

public sealed class ConflictTests
{
    [Fact]
    public async Task RequestAction_RefusedByTheLifecycle_Answers409WithTheStates()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(VmState.Paused, powerState: PowerState.Paused);

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("invalid_vm_state", problem.GetProperty("code").GetString());
        Assert.Equal("paused", problem.GetProperty("vmState").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, problem.GetProperty("taskState").ValueKind);
        Assert.Contains("unpause", problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(0, api.Actions.Count);
    }

    [Fact]
    public async Task RequestAction_TaskInFlight_Answers409TaskInProgress()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(VmState.Active, TaskState.PoweringOff);

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "start" }""");

        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("task_in_progress", problem.GetProperty("code").GetString());
        Assert.Equal("powering_off", problem.GetProperty("taskState").GetString());
        Assert.Equal(["delete"], problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task RequestAction_StaleIfMatch_Answers412AndStartsNothing()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("If-Match", "W/\"stale\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
        Assert.Equal("precondition_failed", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Empty(api.Launcher.Starts);
    }

    [Fact]
    public async Task RequestAction_CurrentIfMatch_IsAccepted()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("If-Match", vm.ETag!));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task RequestAction_IfMatchStar_IsAccepted()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""", ("If-Match", "*"));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task ResetState_HardDeletedVm_Answers409VmDeleted()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/reset-state", """{ "vmState": "active", "reason": "undo" }""");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("vm_deleted", problem.GetProperty("code").GetString());
        Assert.Equal(0, problem.GetProperty("allowedActions").GetArrayLength());
    }

    [Fact]
    public async Task DeleteVm_StaleIfMatch_Answers412()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();

        using var response = await api.SendAsync("DELETE", $"/api/vms/{vm.Id}", null, ("If-Match", "W/\"stale\""));

        Assert.Equal(HttpStatusCode.PreconditionFailed, response.StatusCode);
    }

    [Fact]
    public async Task RequestAction_DriverCannotDoIt_Answers422AndWritesNothing()
    {
        var capabilities = new DriverCapabilities(new Dictionary<VmAction, string> { [VmAction.Pause] = "Azure cannot pause a VM." });
        await using var api = await ApiHost.StartAsync(capabilities);
        var vm = api.SeedVm();

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "pause" }""");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("unsupported_action", problem.GetProperty("code").GetString());
        Assert.Equal("Azure cannot pause a VM.", problem.GetProperty("detail").GetString());
        Assert.Equal(0, api.Vms.Writes);
        Assert.Equal(0, api.Actions.Count);
        Assert.Empty(api.Launcher.Starts);
    }
}
