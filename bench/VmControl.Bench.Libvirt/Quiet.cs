using System.Globalization;
using VmControl.Drivers.Libvirt;
using VmControl.Drivers.Libvirt.Native;

namespace VmControl.Bench.Libvirt;

/// <summary>
/// Keeps the two sides' conditions alike: before each timed call every running guest of the bench has finished booting
/// (an emulated boot takes a whole core for seconds), and the run says what else the machine was doing.
/// </summary>
internal static class Quiet
{
    /// <summary>Waits until each of the domains that runs has printed its ready line (a paused or off one is quiet already).</summary>
    public static async Task WaitAsync(ConnectHandle connection, LibvirtPaths paths, params string[] vmIds)
    {
        foreach (var vmId in vmIds)
        {
            using var domain = LibvirtDomains.Find(connection, LibvirtIds.UuidOf(vmId));
            if (domain is not null && LibvirtDomains.State(domain).State == 1)
            {
                await Boots.WaitAsync(paths.Console(vmId));
            }
        }
    }

    /// <summary>The load average and any domain running that is not the bench's: printed with the figures, as a caveat.</summary>
    public static string Describe(string prefix)
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "?";
        var others = Leftovers.Running().Where(n => !n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        return string.Create(CultureInfo.InvariantCulture, $"load average {load}; {Environment.ProcessorCount} cores; other running domains: {(others.Count == 0 ? "none" : string.Join(", ", others))}");
    }
}
