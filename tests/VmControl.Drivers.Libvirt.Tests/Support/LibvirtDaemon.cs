using System.Diagnostics;
using System.Globalization;

namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>Restarts libvirtd as an operator would (its running guests live on in their QEMU processes).</summary>
public static class LibvirtDaemon
{
    private const string PidFile = "/run/libvirtd.pid";

    public static async Task RestartAsync(CancellationToken cancellationToken)
    {
        var pid = int.Parse((await File.ReadAllTextAsync(PidFile, cancellationToken)).Trim(), CultureInfo.InvariantCulture);
        using (var daemon = Process.GetProcessById(pid))
        {
            // SIGTERM, as an init script's stop does.
            using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync(cancellationToken);
            await daemon.WaitForExitAsync(cancellationToken);
        }

        // As scripts/libvirt.sh starts it (under tini, so exited QEMU processes are reaped at once).
        using var start = Process.Start("bash", ["-c", $"source '{RepoPaths.PathOf("scripts", "libvirt.sh")}' && libvirt_daemon_start"]);
        await start.WaitForExitAsync(cancellationToken);
        while (Virsh.Run("version").ExitCode != 0)
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
