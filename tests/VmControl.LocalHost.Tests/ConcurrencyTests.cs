namespace VmControl.LocalHost.Tests;

/// <summary>
/// The task lock and pre-emption over real HTTP. A simulator hold keeps the first task on the hypervisor while the
/// test acts, however slow the machine is; it is released (and the shared host's simulator reset) in finally.
/// </summary>
[Collection(LocalHostCollection.Name)]
public sealed class ConcurrencyTests(LocalHostFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task TwentyParallelStopsOnAnIdleVm_OneIsAcceptedAndNineteenAreRefusedForTheTaskInFlight()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        try
        {
            var hold = await Api.HoldAsync(id, "stop", cts.Token);

            var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.ActionAsync(id, """{"action":"stop"}""", cts.Token)));

            var accepted = Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
            var refused = answers.Where(a => a.Status != HttpStatusCode.Accepted).ToList();
            Assert.Equal(19, refused.Count(a => a.Status == HttpStatusCode.Conflict && a.IsProblem && a.Json.Str("code") == "task_in_progress"));
            Assert.Equal("powering_off", (await Api.GetVmAsync(id, cts.Token)).Str("taskState"));

            await Api.ReleaseHoldAsync(hold, cts.Token);
            var stop = await Api.WaitActionEndedAsync(id, accepted.Json.Str("id")!, cts.Token);
            Assert.Equal("succeeded", stop.Str("status"));
        }
        finally
        {
            await fixture.ResetSimulatorAsync();
        }

        var vm = await Api.WaitIdleAsync(id, cts.Token);
        Assert.Equal("stopped", vm.Str("vmState"));
        var history = await Api.ListActionsAsync(id, cts.Token);
        Assert.Single(history, a => a.Str("action") == "stop");
    }

    [Fact]
    public async Task DeleteDuringAHeldReboot_PreemptsItAndLeavesATombstone()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        string rebootId;
        try
        {
            await Api.HoldAsync(id, "reboot", cts.Token);
            rebootId = await Api.StartActionAsync(id, """{"action":"reboot","type":"soft"}""", cts.Token);

            // Delete once the reboot is on the hypervisor (held there), so it is pre-empted mid-operation rather than before it began.
            await Api.WaitActionAsync(id, rebootId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);
            var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/vms/{id}", null, null, cts.Token);
            ApiClient.Expect(delete, HttpStatusCode.Accepted);

            // The hold is still on: the reboot cannot have ended on its own, only by the pre-emption.
            var vm = await Api.WaitVmAsync(id, v => v.Str("vmState") == "hard_deleted", cts.Token);
            Assert.Null(vm.Str("taskState"));
            var reboot = await Api.WaitActionEndedAsync(id, rebootId, cts.Token);
            Assert.Equal("preempted", reboot.Str("status"));
            Assert.DoesNotContain("hypervisor.complete", reboot.EventSteps());
        }
        finally
        {
            await fixture.ResetSimulatorAsync();
        }

        var tombstone = await Api.GetAsync($"/api/vms/{id}", cts.Token);
        ApiClient.Expect(tombstone, HttpStatusCode.OK);
        Assert.Equal("hard_deleted", tombstone.Json.Str("vmState"));
        Assert.Empty(tombstone.Json.Strings("allowedActions"));
    }
}
