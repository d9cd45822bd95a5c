namespace VmControl.OpenStack.Tests.Contract;

public sealed class ServerActionTests
{
    [Theory]
    [InlineData("""{"os-stop": null}""", VmState.Active, VmAction.Stop, 202)]
    [InlineData("""{"os-stop": {}}""", VmState.Active, VmAction.Stop, 202)]
    [InlineData("""{"os-start": null}""", VmState.Stopped, VmAction.Start, 202)]
    [InlineData("""{"reboot": {"type": "SOFT"}}""", VmState.Active, VmAction.Reboot, 202)]
    [InlineData("""{"reboot": {"type": "HARD"}}""", VmState.Paused, VmAction.RebootHard, 202)]
    [InlineData("""{"reboot": {"type": "hard"}}""", VmState.Stopped, VmAction.RebootHard, 202)]
    [InlineData("""{"pause": null}""", VmState.Active, VmAction.Pause, 202)]
    [InlineData("""{"unpause": null}""", VmState.Paused, VmAction.Unpause, 202)]
    [InlineData("""{"suspend": null}""", VmState.Active, VmAction.Suspend, 202)]
    [InlineData("""{"resume": null}""", VmState.Suspended, VmAction.Resume, 202)]
    [InlineData("""{"unrescue": null}""", VmState.Rescued, VmAction.Unrescue, 202)]
    [InlineData("""{"resize": {"flavorRef": "2"}}""", VmState.Active, VmAction.Resize, 202)]
    [InlineData("""{"resize": {"flavorRef": "http://x/compute/flavors/3"}}""", VmState.Stopped, VmAction.Resize, 202)]
    [InlineData("""{"confirmResize": null}""", VmState.Resized, VmAction.ConfirmResize, 204)]
    [InlineData("""{"revertResize": null}""", VmState.Resized, VmAction.RevertResize, 202)]
    [InlineData("""{"forceDelete": null}""", VmState.SoftDeleted, VmAction.Delete, 202)]
    [InlineData("""{"restore": null}""", VmState.SoftDeleted, VmAction.Restore, 202)]
    public async Task Each_action_starts_its_task_with_novas_status(string body, VmState from, VmAction expected, int status)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(from);
        var (code, json, response) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", body);
        Assert.Equal(status, code);
        Assert.Equal(JsonValueKind.Undefined, json.ValueKind);
        var started = Assert.Single(host.Launcher.Starts);
        Assert.Equal(expected, started.Action);
        var action = (await host.Actions.GetAsync(vm.Id, started.ActionId))!;
        Assert.Equal(response.Headers.GetValues("x-compute-request-id").Single(), action.RequestId);
    }

    [Fact]
    public async Task Resize_passes_the_flavors_size()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"resize": {"flavorRef": "3"}}""");
        Assert.Equal("large", Assert.Single(host.Launcher.Starts).Parameters["size"]);
    }

    [Fact]
    public async Task Rescue_is_a_200_with_an_admin_password()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rescue": {}}""");
        Assert.Equal(200, status);
        Assert.Equal(["adminPass"], FacadeHost.Keys(json));
        Assert.Equal(VmAction.Rescue, Assert.Single(host.Launcher.Starts).Action);
    }

    [Fact]
    public async Task Rebuild_is_a_202_with_the_base_view_and_an_admin_password()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"rebuild": {"imageRef": "debian", "name": "web-1"}}""");
        Assert.Equal(202, status);
        var server = json.GetProperty("server");
        Assert.Equal("REBUILD", server.GetProperty("status").GetString());
        Assert.True(server.TryGetProperty("adminPass", out _));
        Assert.DoesNotContain(FacadeHost.Keys(server), k => k.StartsWith("OS-EXT", StringComparison.Ordinal) || k.StartsWith("OS-SRV-USG", StringComparison.Ordinal) || k is "config_drive" or "key_name" or "security_groups");
        Assert.Equal("debian", Assert.Single(host.Launcher.Starts).Parameters["image"]);
    }

    [Fact]
    public async Task CreateImage_is_a_202_with_a_location()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, _, response) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"createImage": {"name": "snap"}}""");
        Assert.Equal(202, status);
        var started = Assert.Single(host.Launcher.Starts);
        Assert.Equal(VmAction.Snapshot, started.Action);
        Assert.Equal("snap", started.Parameters["name"]);
        Assert.Equal($"http://localhost/compute/images/{started.ActionId}", response.Headers.Location!.ToString());
    }

    [Theory]
    [InlineData("""{"os-stop": null}""", VmState.Paused, null, "Cannot 'stop' instance {0} while it is in vm_state paused")]
    [InlineData("""{"os-start": null}""", VmState.Active, null, "Cannot 'start' instance {0} while it is in vm_state active")]
    [InlineData("""{"pause": null}""", VmState.Active, TaskState.PoweringOff, "Cannot 'pause' instance {0} while it is in task_state powering-off")]
    [InlineData("""{"confirmResize": null}""", VmState.Active, null, "Cannot 'confirmResize' instance {0} while it is in vm_state active")]
    [InlineData("""{"restore": null}""", VmState.SoftDeleted, TaskState.SoftDeleting, "Cannot 'restore' instance {0} while it is in task_state soft-deleting")]
    [InlineData("""{"unrescue": null}""", VmState.Error, null, "Cannot 'unrescue' instance {0} while it is in vm_state error")]
    public async Task A_refused_action_is_novas_conflictingRequest(string body, VmState from, TaskState? task, string message)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(from, task);
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", body);
        Assert.Equal(409, status);
        var fault = json.GetProperty("conflictingRequest");
        Assert.Equal(409, fault.GetProperty("code").GetInt32());
        Assert.Equal(string.Format(System.Globalization.CultureInfo.InvariantCulture, message, vm.Id), fault.GetProperty("message").GetString());
        Assert.Empty(host.Launcher.Starts);
    }

    [Theory]
    [InlineData("""{"reboot": {}}""")]
    [InlineData("""{"reboot": {"type": "MEDIUM"}}""")]
    [InlineData("""{"resize": {}}""")]
    [InlineData("""{"resize": {"flavorRef": "99"}}""")]
    [InlineData("""{"resize": {"flavorRef": "1"}}""")]
    [InlineData("""{"rebuild": {}}""")]
    [InlineData("""{"rebuild": {"imageRef": "x", "name": "trailing "}}""")]
    [InlineData("""{"createImage": {}}""")]
    [InlineData("""{"os-stop": 5}""")]
    [InlineData("""{"shelve": null}""")]
    [InlineData("""[]""")]
    [InlineData("""{""")]
    public async Task Malformed_or_unknown_actions_are_a_badRequest(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", body);
        Assert.Equal(400, status);
        Assert.Equal(400, json.GetProperty("badRequest").GetProperty("code").GetInt32());
        Assert.Empty(host.Launcher.Starts);
    }

    [Theory]
    [InlineData("vm-0000000000000000")]
    [InlineData("nope")]
    public async Task An_action_on_an_unknown_server_is_itemNotFound(string id)
    {
        await using var host = await FacadeHost.StartAsync();
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{id}/action", """{"os-stop": null}""");
        Assert.Equal(404, status);
        Assert.Equal($"Instance {id} could not be found.", json.GetProperty("itemNotFound").GetProperty("message").GetString());
    }

    [Fact]
    public async Task An_action_on_a_deleted_server_is_itemNotFound()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(VmState.HardDeleted, powerState: PowerState.NoState);
        Assert.Equal(404, (await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"os-start": null}""")).Status);
    }

    [Fact]
    public async Task ResetState_sets_the_vm_state_for_admins()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm(VmState.Active, TaskState.PoweringOff);
        var (status, _, response) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"os-resetState": {"state": "error"}}""");
        Assert.Equal(202, status);
        var after = (await host.Vms.GetAsync(vm.Id))!;
        Assert.Equal(VmState.Error, after.VmState);
        Assert.Null(after.TaskState);
        Assert.Equal(response.Headers.GetValues("x-compute-request-id").Single(), (await host.Actions.GetAsync(vm.Id, after.CurrentActionId!))!.RequestId);
    }

    [Fact]
    public async Task ResetState_is_forbidden_to_members()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (status, json, _) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"os-resetState": {"state": "error"}}""", user: "bob");
        Assert.Equal(403, status);
        Assert.Equal(403, json.GetProperty("forbidden").GetProperty("code").GetInt32());
        Assert.Equal(VmState.Active, (await host.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Theory]
    [InlineData("""{"os-resetState": {"state": "stopped"}}""")]
    [InlineData("""{"os-resetState": {}}""")]
    public async Task ResetState_takes_only_active_or_error(string body)
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        Assert.Equal(400, (await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", body)).Status);
    }
}
