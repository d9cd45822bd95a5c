using Xunit.Abstractions;

namespace VmControl.Drivers.Libvirt.Tests;

/// <summary>Real guests on qemu:///system through the real engine and API (scripts/libvirt.sh sets libvirt up).</summary>
[Collection(LibvirtHostCollection.Name)]
public sealed class LibvirtLifecycleTests(LibvirtHostFixture host, ITestOutputHelper output)
{
    [Fact]
    public async Task EveryAllowedAction_FromEveryState_LeavesTheDomainAsTheLifecycleSays()
    {
        using var cts = TestTimeout.Start(300);
        var pool = new EdgePool();

        // Four guests at once share the pairs to cover.
        var walkers = Enumerable.Range(1, 4).Select(i => new GuestWalker(host, pool, output, $"walk-{i}")).ToArray();
        await Task.WhenAll(walkers.Select(w => w.RunAsync(cts)));

        Assert.True(pool.AllTaken);
        output.WriteLine($"{pool.Total} pairs covered in {walkers.Sum(w => w.Steps)} steps");
    }

    [Fact]
    public async Task Migrate_IsRefusedWithTheCapabilityReason()
    {
        using var cts = TestTimeout.Start();
        var id = await host.Api.CreateVmAsync("no-migrate", "tiny", cts.Token);
        await host.Api.WaitIdleAsync(id, cts.Token);

        var refused = await host.Api.ActionAsync(id, """{"action":"migrate"}""", cts.Token);

        ApiClient.Expect(refused, System.Net.HttpStatusCode.UnprocessableEntity);
        Assert.Equal("unsupported_action", refused.Json.Str("code"));
        await host.Api.StartActionAsync(id, """{"action":"delete"}""", cts.Token);
        await host.Api.WaitVmAsync(id, vm => vm.Str("vmState") == "hard_deleted", cts.Token);
    }
}
