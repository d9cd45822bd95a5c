namespace VmControl.LocalHost.Tests;

/// <summary>Its own process and identity (it kills its host), in its own collection so it runs beside the others.</summary>
public sealed class CrashRecoveryTests
{
    [Fact]
    public async Task KillDuringAStop_RestartWithTheSameIdentity_TheStopCompletesExactlyOnce()
    {
        using var cts = TestTimeout.Start(180);
        var identity = LocalHostIdentity.New();
        LocalHostProcess? second = null;
        try
        {
            string vmId;
            string stopId;
            await using (var first = await LocalHostProcess.StartAsync(identity, cts.Token))
            {
                using var api = new ApiClient(first.BaseAddress);
                vmId = await api.CreateActiveVmAsync(cts.Token);

                // Held, the stop is certainly pending on the hypervisor when the process dies; the hold lives in that
                // process's simulator only, so the restarted host lets the operation end.
                await api.HoldAsync(vmId, "stop", cts.Token);
                stopId = await api.StartActionAsync(vmId, """{"action":"stop"}""", cts.Token);
                await api.WaitActionAsync(vmId, stopId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);
                Assert.Equal("running", (await api.GetActionAsync(vmId, stopId, cts.Token)).Str("status"));
                await first.KillAsync(cts.Token);
            }

            // The same identity is the same deployment: same tables, same task hub, same partition leases' owner.
            second = await LocalHostProcess.StartAsync(identity, cts.Token);
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
        }
        finally
        {
            // Whatever failed above: no host left running, nothing left in the shared Azurite.
            if (second is not null)
            {
                await second.DisposeAsync();
            }

            using var cleanup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await AzuriteCleanup.DeleteAsync(identity, cleanup.Token);
        }
    }
}
