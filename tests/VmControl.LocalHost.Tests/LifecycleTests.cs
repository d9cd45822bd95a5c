namespace VmControl.LocalHost.Tests;

[Collection(LocalHostCollection.Name)]
public sealed class LifecycleTests(LocalHostFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task Create_ThenPolled_BecomesActiveRunningAndIdle()
    {
        using var cts = TestTimeout.Start();
        var created = await Api.PostAsync("/api/vms", """{"name":"web1","size":"small","image":"ubuntu","tags":{"env":"e2e"}}""", cts.Token);

        ApiClient.Expect(created, HttpStatusCode.Accepted);
        var id = created.Json.Str("id")!;
        Assert.Equal($"/api/vms/{id}", created.Header("Location"));
        Assert.StartsWith($"/api/vms/{id}/actions/", created.Header("Operation-Location"), StringComparison.Ordinal);
        Assert.Equal("spawning", created.Json.Str("taskState"));

        var vm = await Api.WaitIdleAsync(id, cts.Token);
        Assert.Equal("active", vm.Str("vmState"));
        Assert.Equal("running", vm.Str("powerState"));
        Assert.Contains("stop", vm.Strings("allowedActions"));
    }

    [Fact]
    public async Task StopThenStart_EachEndsInItsStableState()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);

        await Api.StartActionAsync(id, """{"action":"stop"}""", cts.Token);
        var stopped = await Api.WaitIdleAsync(id, cts.Token);
        Assert.Equal(("stopped", "shutdown"), (stopped.Str("vmState"), stopped.Str("powerState")));

        await Api.StartActionAsync(id, """{"action":"start"}""", cts.Token);
        var started = await Api.WaitIdleAsync(id, cts.Token);
        Assert.Equal(("active", "running"), (started.Str("vmState"), started.Str("powerState")));
    }

    [Fact]
    public async Task StopOfPausedVm_Is409NamingPausedAndTheAllowedActions()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        await Api.StartActionAsync(id, """{"action":"pause"}""", cts.Token);
        Assert.Equal("paused", (await Api.WaitIdleAsync(id, cts.Token)).Str("vmState"));

        var refused = await Api.ActionAsync(id, """{"action":"stop"}""", cts.Token);

        ApiClient.Expect(refused, HttpStatusCode.Conflict);
        Assert.True(refused.IsProblem, refused.ToString());
        var problem = refused.Json;
        Assert.Equal("invalid_vm_state", problem.Str("code"));
        Assert.Equal("paused", problem.Str("vmState"));
        Assert.Null(problem.Str("taskState"));
        Assert.Contains("unpause", problem.Strings("allowedActions"));
        Assert.DoesNotContain("stop", problem.Strings("allowedActions"));
    }

    [Fact]
    public async Task ResetStateToError_LeavesOnlyDeleteAllowed()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);

        var reset = await Api.PostAsync($"/api/vms/{id}/reset-state", """{"vmState":"error","reason":"e2e: the host lost the disk"}""", cts.Token);

        ApiClient.Expect(reset, HttpStatusCode.OK);
        Assert.Equal("error", reset.Json.Str("vmState"));
        Assert.Equal(["delete"], (await Api.GetVmAsync(id, cts.Token)).Strings("allowedActions"));
        var start = await Api.ActionAsync(id, """{"action":"start"}""", cts.Token);
        ApiClient.Expect(start, HttpStatusCode.Conflict);
        Assert.Equal("vm_in_error", start.Json.Str("code"));
        Assert.Equal(["delete"], start.Json.Strings("allowedActions"));
    }

    [Fact]
    public async Task ActionHistory_RecordsTheStepsOfATask()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        var accepted = await Api.ActionAsync(id, """{"action":"stop"}""", cts.Token);
        ApiClient.Expect(accepted, HttpStatusCode.Accepted);
        var actionId = accepted.Json.Str("id")!;

        var action = await Api.WaitActionEndedAsync(id, actionId, cts.Token);

        Assert.Equal($"/api/vms/{id}/actions/{actionId}", accepted.Header("Operation-Location"));
        Assert.Equal(("stop", "succeeded", "active", "stopped"), (action.Str("action"), action.Str("status"), action.Str("vmStateBefore"), action.Str("vmStateAfter")));
        var steps = action.EventSteps();
        Assert.Equal("task.started", steps[0]);
        Assert.Contains("hypervisor.begin", steps);
        Assert.Equal("task.succeeded", steps[^1]);
        var history = await Api.ListActionsAsync(id, cts.Token);
        Assert.Equal(["stop", "create"], history.Select(a => a.Str("action")));
    }
}
