using System.Diagnostics;
using System.Globalization;
using VmControl.Drivers.Libvirt;
using VmControl.Testing;

namespace VmControl.Bench.Libvirt;

/// <summary>
/// How long an out-of-band change takes to reach <c>powerState</c>: a <c>virsh destroy</c> (the bench's own connection)
/// or a killed QEMU process, timed from the moment before the change until the API shows the new power. The host's
/// power-sync timer is off (10 min), so only a lifecycle event brings the change in. Between samples a hard reboot
/// through the API powers the guest on again.
/// </summary>
internal sealed class OutOfBand(ApiClient api, Bare bare, LibvirtPaths paths, EventClock events)
{
    public List<long> Destroyed { get; } = [];

    public List<long> Crashed { get; } = [];

    /// <summary>Of each sample, libvirt's part: the change until its lifecycle event reached a client.</summary>
    public List<long> UntilEvent { get; } = [];

    /// <summary>Of each sample, VmControl's part: the event until the API showed the new power.</summary>
    public List<long> AfterEvent { get; } = [];

    public async Task MeasureAsync(string vmId, int samples)
    {
        var uuid = LibvirtIds.UuidOf(vmId);
        for (var i = 0; i < samples; i++)
        {
            await Quiet.WaitAsync(bare.Connection, paths, vmId);
            var crash = i % 2 == 1;
            var started = Stopwatch.GetTimestamp();
            if (crash)
            {
                Kill(paths.DomainName(vmId));
            }
            else
            {
                bare.Destroy(uuid);
            }

            var expected = crash ? "crashed" : "shutdown";
            while ((await api.GetVmAsync(vmId, CancellationToken.None)).Str("powerState") != expected)
            {
                await Task.Delay(5);
            }

            var seen = Stopwatch.GetTimestamp();
            (crash ? Crashed : Destroyed).Add(Ms(started, seen));
            if (events.FirstAfter(uuid, started) is { } heard)
            {
                UntilEvent.Add(Ms(started, heard));
                AfterEvent.Add(Ms(heard, seen));
            }

            var boot = Boots.Latest(paths.Console(vmId));
            var reboot = await api.StartActionAsync(vmId, """{"action":"reboot_hard"}""", CancellationToken.None);
            await api.WaitActionEndedAsync(vmId, reboot, CancellationToken.None);
            await Boots.WaitAsync(paths.Console(vmId), notBoot: boot);
        }
    }

    private static long Ms(long from, long to) => (long)Stopwatch.GetElapsedTime(from, to).TotalMilliseconds;

    // kill -KILL of the domain's QEMU process: libvirt reports a crash.
    private static void Kill(string domainName)
    {
        var pid = int.Parse(File.ReadAllText($"/run/libvirt/qemu/{domainName}.pid").Trim(), CultureInfo.InvariantCulture);
        using var qemu = Process.GetProcessById(pid);
        qemu.Kill();
    }
}
