using System.Net;
using VmControl.LocalHost.Tests.Support;

namespace VmControl.LocalHost.Tests;

/// <summary>Its own process and identity (it kills its host), in its own collection so it runs beside the others.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KillDuringAStop_RestartWithTheSameIdentity_TheStopCompletesExactlyOnce()
    {
        using var cts = TestTimeout.Start(180);
        var identity = LocalHostIdentity.New();
        string vmId;
        string stopId;
        var first = await LocalHostProcess.StartAsync(identity, cts.Token);
        await using (first)
        {
            using var api = new ApiClient(first.BaseAddress);
            vmId = await api.CreateActiveVmAsync(cts.Token);
            await api.SetSimulatorLatencyAsync(3000, cts.Token);
            stopId = await api.StartActionAsync(vmId, """{"action":"stop"}""", cts.Token);

            // The task is on the hypervisor (an operation pending for 3 s) when the process dies.
            await api.WaitActionAsync(vmId, stopId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);
            await first.KillAsync(cts.Token);
        }

        // The same identity is the same deployment: same tables, same task hub, same partition leases' owner.
        await using var second = await LocalHostProcess.StartAsync(identity, cts.Token);
        using var restarted = new ApiClient(second.BaseAddress);
        var stop = await restarted.WaitActionEndedAsync(vmId, stopId, cts.Token);

        Assert.Equal("succeeded", stop.Str("status"));
        Assert.Single(stop.EventSteps(), s => s == "task.succeeded");
        Assert.Single(await restarted.ListActionsAsync(vmId, cts.Token), a => a.Str("action") == "stop");
        var vm = await restarted.WaitIdleAsync(vmId, cts.Token);
        Assert.Equal(("stopped", "shutdown", null), (vm.Str("vmState"), vm.Str("powerState"), vm.Str("taskState")));
        var again = await restarted.ActionAsync(vmId, """{"action":"start"}""", cts.Token);
        Assert.Equal(HttpStatusCode.Accepted, again.Status);
        await restarted.WaitIdleAsync(vmId, cts.Token);
        await second.DisposeAsync();
        await AzuriteCleanup.DeleteAsync(identity, cts.Token);
    }
}
