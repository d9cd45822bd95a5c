using VmControl.Application.Ports;
using VmControl.Application.Model;

namespace VmControl.OpenStack.Tests.Contract;

public sealed class InstanceActionTests
{
    [Fact]
    public async Task The_list_is_newest_first_with_the_request_ids_of_the_requests_that_started_them()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (_, _, stop) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"os-stop": null}""");
        await host.Vms.TryReplaceAsync((await host.Vms.GetAsync(vm.Id))! with { VmState = VmState.Stopped, TaskState = null });
        host.Time.Advance(TimeSpan.FromSeconds(1));
        var (_, _, start) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"os-start": null}""");

        var (status, json, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions");
        Assert.Equal(200, status);
        var actions = json.GetProperty("instanceActions").EnumerateArray().ToList();
        Assert.Equal(["start", "stop"], actions.Select(a => a.GetProperty("action").GetString()));
        Assert.Equal(start.Headers.GetValues("x-compute-request-id").Single(), actions[0].GetProperty("request_id").GetString());
        Assert.Equal(stop.Headers.GetValues("x-compute-request-id").Single(), actions[1].GetProperty("request_id").GetString());
        Assert.Equal(["action", "instance_uuid", "message", "project_id", "request_id", "start_time", "user_id"], FacadeHost.Keys(actions[0]));
        Assert.Equal(vm.Id, actions[0].GetProperty("instance_uuid").GetString());
        Assert.Equal("2026-01-01T00:00:01.000000", actions[0].GetProperty("start_time").GetString());
    }

    [Fact]
    public async Task Show_gives_the_events_to_admins_only()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var (_, _, pause) = await host.CallAsync("POST", $"/compute/v2.1/servers/{vm.Id}/action", """{"pause": null}""");
        var requestId = pause.Headers.GetValues("x-compute-request-id").Single();
        var actionId = Assert.Single(host.Launcher.Starts).ActionId;
        await host.Actions.AddEventAsync(vm.Id, actionId, new ActionEvent("hypervisor.begin", host.Time.GetUtcNow(), "ok"));
        await host.Actions.AddEventAsync(vm.Id, actionId, new ActionEvent("task.failed", host.Time.GetUtcNow(), "error", "boom"));

        var (status, json, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions/{requestId}");
        Assert.Equal(200, status);
        var action = json.GetProperty("instanceAction");
        Assert.Equal("pause", action.GetProperty("action").GetString());
        var events = action.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(["event", "finish_time", "result", "start_time", "traceback"], FacadeHost.Keys(events[0]));
        Assert.Equal(["Success", "Error"], events.Select(e => e.GetProperty("result").GetString()));
        Assert.Equal("boom", events[1].GetProperty("traceback").GetString());

        var (_, member, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions/{requestId}", user: "bob");
        Assert.False(member.GetProperty("instanceAction").TryGetProperty("events", out _));
    }

    [Fact]
    public async Task An_action_from_the_native_api_is_shown_under_req_and_its_id()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        await host.Actions.AppendAsync(new ActionRecord { Id = ActionIds.New(host.Time.GetUtcNow()), VmId = vm.Id, Action = "reboot_hard", Status = ActionStatus.Failed });
        var (_, list, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions");
        var action = list.GetProperty("instanceActions")[0];
        Assert.Equal("reboot", action.GetProperty("action").GetString());
        Assert.Equal("Error", action.GetProperty("message").GetString());
        var requestId = action.GetProperty("request_id").GetString()!;
        Assert.StartsWith("req-a", requestId, StringComparison.Ordinal);
        Assert.Equal(200, (await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions/{requestId}")).Status);
    }

    [Fact]
    public async Task Unknown_servers_and_request_ids_are_a_404()
    {
        await using var host = await FacadeHost.StartAsync();
        var vm = host.SeedVm();
        var gone = host.SeedVm(VmState.HardDeleted);
        Assert.Equal(404, (await host.CallAsync("GET", "/compute/v2.1/servers/vm-0000000000000000/os-instance-actions")).Status);
        Assert.Equal(404, (await host.CallAsync("GET", $"/compute/v2.1/servers/{gone.Id}/os-instance-actions")).Status);
        var (status, json, _) = await host.CallAsync("GET", $"/compute/v2.1/servers/{vm.Id}/os-instance-actions/req-nope");
        Assert.Equal(404, status);
        Assert.True(json.TryGetProperty("itemNotFound", out _));
    }
}
