namespace VmControl.Http.Tests;

/// <summary>
/// A task whose orchestration cannot be started: a storage failure is a 503, anything else a bug answered 500
/// problem+json; either way the claim is given back, and a failing give-back never replaces the first failure.
/// </summary>
public sealed class StartFailureTests
{
    [Fact]
    public async Task RequestAction_StartThrowsABug_Answers500ProblemJson_AndReleasesTheClaim()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();
        api.Launcher.StartFailure = _ => new InvalidOperationException("A bug behind the launcher.");

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await ApiHost.JsonAsync(response);
        Assert.Equal("internal_error", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("A bug behind the launcher", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var after = await api.Vms.GetAsync(vm.Id);
        Assert.Null(after!.TaskState);
        var stop = await api.Actions.GetAsync(vm.Id, after.CurrentActionId!);
        Assert.Equal((ActionStatus.Failed, "start_failed"), (stop!.Status, stop.Error?.Code));
    }

    [Fact]
    public async Task RequestAction_StartFindsTheStoreDown_Answers503StoreUnavailable_AndReleasesTheClaim()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();
        api.Launcher.StartFailure = _ => new StoreUnavailableException("The engine's storage did not answer.");

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("store_unavailable", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
        Assert.Null((await api.Vms.GetAsync(vm.Id))!.TaskState);
    }

    [Fact]
    public async Task RequestAction_StartThrowsABug_AndTheReleaseFails_AnswersTheBugNotTheRelease()
    {
        await using var api = await ApiHost.StartAsync();
        var vm = api.SeedVm();
        api.Launcher.StartFailure = _ =>
        {
            // The store goes down between the claim and the give-back: the release throws StoreUnavailableException.
            api.Vms.Unavailable = true;
            return new InvalidOperationException("A bug behind the launcher.");
        };

        using var response = await api.SendAsync("POST", $"/api/vms/{vm.Id}/actions", """{ "action": "stop" }""");

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("internal_error", (await ApiHost.JsonAsync(response)).GetProperty("code").GetString());
    }
}
