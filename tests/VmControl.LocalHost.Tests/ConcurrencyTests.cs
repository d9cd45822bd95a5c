using System.Net;
using VmControl.LocalHost.Tests.Support;

namespace VmControl.LocalHost.Tests;

[Collection(LocalHostCollection.Name)]
public sealed class ConcurrencyTests(LocalHostFixture fixture)
{
    private ApiClient Api => fixture.Api;

    [Fact]
    public async Task TwentyParallelStopsOnAnIdleVm_OneIsAcceptedAndNineteenAreRefused()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Api.ActionAsync(id, """{"action":"stop"}""", cts.Token)));

        Assert.Single(answers, a => a.Status == HttpStatusCode.Accepted);
        var refused = answers.Where(a => a.Status != HttpStatusCode.Accepted).ToList();
        Assert.Equal(19, refused.Count(a => a.Status == HttpStatusCode.Conflict && a.IsProblem));
        var vm = await Api.WaitIdleAsync(id, cts.Token);
        Assert.Equal("stopped", vm.Str("vmState"));
        var history = await Api.ListActionsAsync(id, cts.Token);
        Assert.Single(history, a => a.Str("action") == "stop");
    }

    [Fact]
    public async Task DeleteDuringASlowReboot_PreemptsItAndLeavesATombstone()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync(cts.Token);
        string rebootId;
        try
        {
            await Api.SetSimulatorLatencyAsync(5000, cts.Token);
            rebootId = await Api.StartActionAsync(id, """{"action":"reboot","type":"soft"}""", cts.Token);

            // Delete once the reboot is on the hypervisor, so it is pre-empted mid-operation rather than before it began.
            await Api.WaitActionAsync(id, rebootId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);
            var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/vms/{id}", null, null, cts.Token);
            ApiClient.Expect(delete, HttpStatusCode.Accepted);
        }
        finally
        {
            await Api.SetSimulatorLatencyAsync(0, CancellationToken.None);
        }

        var vm = await Api.WaitVmAsync(id, v => v.Str("vmState") == "hard_deleted", cts.Token);
        Assert.Null(vm.Str("taskState"));
        var reboot = await Api.WaitActionEndedAsync(id, rebootId, cts.Token);
        Assert.Equal("preempted", reboot.Str("status"));
        var tombstone = await Api.GetAsync($"/api/vms/{id}", cts.Token);
        ApiClient.Expect(tombstone, HttpStatusCode.OK);
        Assert.Equal("hard_deleted", tombstone.Json.Str("vmState"));
        Assert.Empty(tombstone.Json.Strings("allowedActions"));
    }
}
