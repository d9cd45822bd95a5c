using System.Diagnostics;
using System.Globalization;
using Xunit.Abstractions;

namespace VmControl.Drivers.Libvirt.Tests;

/// <summary>Changes made behind VmControl's back, and faults of libvirt itself, on real guests.</summary>
[Collection(LibvirtHostCollection.Name)]
public sealed class LibvirtOutOfBandTests(LibvirtHostFixture host, ITestOutputHelper output)
{
    private ApiClient Api => host.Api;

    [Fact]
    public async Task KilledQemuAndVirshDestroy_ReachPowerStateThroughEvents_WithoutAPass_ThenMismatchAlertsOpenAfterTwoPasses()
    {
        using var cts = TestTimeout.Start();
        var crashed = await Api.CreateActiveVmAsync("oob-crash", "tiny", cts.Token);
        var destroyed = await Api.CreateActiveVmAsync("oob-destroy", "tiny", cts.Token);

        // The power-sync timer is off (10 min) in this host: only a lifecycle event can bring these changes in.
        var clock = Stopwatch.StartNew();
        using (var kill = Process.Start("kill", ["-KILL", Virsh.QemuPid(LibvirtHostFixture.DomainOf(crashed)).ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync(cts.Token);
        }

        Virsh.Must("destroy", LibvirtHostFixture.DomainOf(destroyed));
        var seen = await Task.WhenAll(
            WaitPowerAsync(crashed, "crashed", clock, cts.Token),
            WaitPowerAsync(destroyed, "shutdown", clock, cts.Token));
        output.WriteLine($"powerState changed {seen[0]} ms (crash) and {seen[1]} ms (destroy) after the kill");

        // PowerSync:MismatchPasses is 2 and an event is not a pass: had the events run a pass (or counted as one), this
        // first pass would open the alerts already.
        await Api.PowerSyncAsync(cts.Token);
        foreach (var id in new[] { crashed, destroyed })
        {
            Assert.Empty((await OpenAlertsAsync(id, "power_mismatch", cts.Token)).Items());
        }

        await Api.PowerSyncAsync(cts.Token);
        foreach (var id in new[] { crashed, destroyed })
        {
            Assert.Single((await OpenAlertsAsync(id, "power_mismatch", cts.Token)).Items());
            Assert.Equal("active", (await Api.GetVmAsync(id, cts.Token)).Str("vmState"));
        }

        await DeleteAsync(crashed, cts.Token);
        await DeleteAsync(destroyed, cts.Token);
    }

    [Fact]
    public async Task HardDelete_DuringASlowStop_PreemptsItAndTheDomainIsGone()
    {
        using var cts = TestTimeout.Start();
        var id = await Api.CreateActiveVmAsync("slow-stop", "tiny-slow", cts.Token);
        var stopId = await Api.StartActionAsync(id, """{"action":"stop"}""", cts.Token);

        // The guest ignores the power button: the stop is polling toward its 10 s deadline.
        await Api.WaitActionAsync(id, stopId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);
        var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/vms/{id}", null, null, cts.Token);
        ApiClient.Expect(delete, System.Net.HttpStatusCode.Accepted);

        await Api.WaitVmAsync(id, v => v.Str("vmState") == "hard_deleted", cts.Token);
        var stop = await Api.WaitActionEndedAsync(id, stopId, cts.Token);
        Assert.Equal("preempted", stop.Str("status"));
        Assert.Null(Virsh.State(LibvirtHostFixture.DomainOf(id)));
    }

    [Fact]
    public async Task LibvirtdRestartedMidTask_TheTaskCompletes_AndRunningGuestsSurvive()
    {
        using var cts = TestTimeout.Start();
        var bystander = await Api.CreateActiveVmAsync("bystander", "tiny", cts.Token);
        var slow = await Api.CreateActiveVmAsync("restart-stop", "tiny-slow", cts.Token);
        var qemu = Virsh.QemuPid(LibvirtHostFixture.DomainOf(bystander));
        var stopId = await Api.StartActionAsync(slow, """{"action":"stop"}""", cts.Token);
        await Api.WaitActionAsync(slow, stopId, a => a.EventSteps().Contains("hypervisor.begin"), cts.Token);

        await LibvirtDaemon.RestartAsync(cts.Token);

        var stop = await Api.WaitActionEndedAsync(slow, stopId, cts.Token);
        Assert.Equal("succeeded", stop.Str("status"));
        Assert.Equal("shut off", Virsh.State(LibvirtHostFixture.DomainOf(slow)));
        Assert.Equal(("running", qemu), (Virsh.State(LibvirtHostFixture.DomainOf(bystander)), Virsh.QemuPid(LibvirtHostFixture.DomainOf(bystander))));
        await DeleteAsync(bystander, cts.Token);
        await DeleteAsync(slow, cts.Token);
    }

    [Fact]
    public async Task AStrangeDomainAndAVanishedOne_RaiseUnknownAndMissingAlerts()
    {
        using var cts = TestTimeout.Start();
        var vanished = await Api.CreateActiveVmAsync("oob-vanish", "tiny", cts.Token);
        var xml = Path.GetTempFileName();
        await File.WriteAllTextAsync(
            xml,
            $"<domain type='qemu'><name>{LibvirtHostFixture.Prefix}stranger</name><memory unit='MiB'>64</memory><os><type arch='x86_64'>hvm</type></os></domain>",
            cts.Token);
        Virsh.Must("define", xml);
        File.Delete(xml);
        var stranger = Virsh.Must("domuuid", $"{LibvirtHostFixture.Prefix}stranger");
        Virsh.Must("destroy", LibvirtHostFixture.DomainOf(vanished));
        Virsh.Must("undefine", LibvirtHostFixture.DomainOf(vanished));

        await Api.PowerSyncAsync(cts.Token);
        await Api.PowerSyncAsync(cts.Token);

        Assert.Single((await OpenAlertsAsync(stranger, "unknown_on_hypervisor", cts.Token)).Items());
        Assert.Single((await OpenAlertsAsync(vanished, "missing_on_hypervisor", cts.Token)).Items());
        Virsh.Must("undefine", $"{LibvirtHostFixture.Prefix}stranger");
        await DeleteAsync(vanished, cts.Token);
    }

    private async Task<System.Text.Json.JsonElement> OpenAlertsAsync(string vmId, string kind, CancellationToken cancellationToken)
    {
        var alerts = await Api.GetAsync($"/api/alerts?vmId={vmId}&kind={kind}&status=open", cancellationToken);
        ApiClient.Expect(alerts, System.Net.HttpStatusCode.OK);
        return alerts.Json;
    }

    private async Task<long> WaitPowerAsync(string id, string power, Stopwatch clock, CancellationToken cancellationToken)
    {
        while ((await Api.GetVmAsync(id, cancellationToken)).Str("powerState") != power)
        {
            await Task.Delay(20, cancellationToken);
        }

        return clock.ElapsedMilliseconds;
    }

    private async Task DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var delete = await Api.SendAsync(HttpMethod.Delete, $"/api/vms/{id}", null, null, cancellationToken);
        ApiClient.Expect(delete, System.Net.HttpStatusCode.Accepted);
        await Api.WaitVmAsync(id, v => v.Str("vmState") == "hard_deleted", cancellationToken);
        Assert.Null(Virsh.State(LibvirtHostFixture.DomainOf(id)));
    }
}
