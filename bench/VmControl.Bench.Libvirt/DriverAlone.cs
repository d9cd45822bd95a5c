using System.Diagnostics;
using VmControl.Application.Ports;
using VmControl.Domain;
using VmControl.Drivers.Libvirt;

namespace VmControl.Bench.Libvirt;

/// <summary>
/// The driver on its own, in this process (no host, no engine, no store): its begin of a start against the bare
/// <c>virDomainCreate</c>, on two guests taken in turn, each booted and destroyed between samples. What it adds over
/// the bare call is the driver's own cost (its reads around the call, the thread hop); the rest of a task's overhead
/// is the host's.
/// </summary>
internal static class DriverAlone
{
    public static async Task<(List<long> Driver, List<long> Bare)> MeasureStartAsync(Bare bare, LibvirtDriverOptions options, LibvirtPaths paths, int samples)
    {
        using var events = new LibvirtPowerEvents();
        using var driver = new LibvirtDriver(options, events);
        var (ours, theirs) = (NewId(), NewId());
        var (ourUuid, theirUuid) = (bare.Define(ours), bare.Define(theirs));
        var (viaDriver, direct) = (new List<long>(), new List<long>());
        try
        {
            for (var i = 0; i < samples; i++)
            {
                foreach (var driverSide in i % 2 == 0 ? new[] { true, false } : [false, true])
                {
                    var vmId = driverSide ? ours : theirs;
                    var boot = Boots.Latest(paths.Console(vmId));
                    if (driverSide)
                    {
                        var clock = Stopwatch.StartNew();
                        await driver.BeginAsync(new HypervisorCommand(ours, ourUuid, VmAction.Start, "bench", "small", "tiny", new Dictionary<string, string>(), new Dictionary<string, string>()));
                        viaDriver.Add(clock.ElapsedMilliseconds);
                    }
                    else
                    {
                        direct.Add(bare.Run(theirUuid, VmAction.Start));
                    }

                    // Untimed: the boot ends before the other side's call, then the guest goes off for the next sample.
                    await Boots.WaitAsync(paths.Console(vmId), notBoot: boot);
                    bare.Destroy(driverSide ? ourUuid : theirUuid);
                }
            }
        }
        finally
        {
            bare.Delete(ourUuid);
            bare.Delete(theirUuid);
        }

        return (viaDriver, direct);
    }

    private static string NewId() => "vm-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
}
