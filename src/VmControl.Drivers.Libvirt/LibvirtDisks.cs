using System.Diagnostics;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// Disk files through qemu-img, on the machine VmControl runs on (a remote host needs the state and images folders
/// shared at the same paths).
/// </summary>
internal sealed class LibvirtDisks(LibvirtDriverOptions options)
{
    /// <summary>A new qcow2 overlay on the image's base disk (an existing one is replaced: rebuild starts clean).</summary>
    public void CreateOverlay(LibvirtImage image, string path)
    {
        var source = image.Disk ?? throw new InvalidOperationException("The image has no disk.");
        File.Delete(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        Run(["create", "-q", "-f", "qcow2", "-b", Path.GetFullPath(source), "-F", image.DiskFormat, path]);
    }

    /// <summary>
    /// A standalone qcow2 copy of a disk into the images folder. <c>-U</c> reads a disk a running guest holds (the copy is
    /// then crash-consistent, as a power cut would leave it).
    /// </summary>
    public void Copy(string disk, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var partial = target + ".partial";
        Run(["convert", "-U", "-O", "qcow2", disk, partial]);
        File.Move(partial, target, overwrite: true);
    }

    // Synchronous like the libvirt calls around it: the driver runs a begin on a pool thread.
    private void Run(string[] arguments)
    {
        var start = new ProcessStartInfo(options.QemuImg) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw LibvirtErrors.Permanent("disk_failed", $"{options.QemuImg} did not start.");
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw LibvirtErrors.Permanent("disk_failed", $"{options.QemuImg} {arguments[0]} failed: {errors.GetAwaiter().GetResult().Trim()}");
        }
    }
}
