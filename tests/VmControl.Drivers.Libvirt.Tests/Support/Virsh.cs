using System.Diagnostics;

namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// libvirt as an operator sees it, through <c>virsh -c qemu:///system</c>: the tests check the driver's work with a
/// tool that is not the driver.
/// </summary>
public static class Virsh
{
    public const string Uri = "qemu:///system";

    public static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo("virsh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Uri);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("virsh did not start.");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, (output + error.GetAwaiter().GetResult()).Trim());
    }

    public static string Must(params string[] arguments)
    {
        var (code, output) = Run(arguments);
        return code == 0 ? output : throw new InvalidOperationException($"virsh {string.Join(' ', arguments)} failed ({code}): {output}");
    }

    /// <summary>"running", "paused", "shut off", or null when the host has no such domain.</summary>
    public static string? State(string domain)
    {
        var (code, output) = Run("domstate", domain);
        return code == 0 ? output.Split('\n')[0].Trim() : null;
    }

    public static bool HasManagedSave(string domain) =>
        Must("dominfo", domain).Split('\n').Any(l => l.StartsWith("Managed save:", StringComparison.Ordinal) && l.Trim().EndsWith("yes", StringComparison.Ordinal));

    public static int Vcpus(string domain) =>
        int.Parse(Must("dominfo", domain).Split('\n').First(l => l.StartsWith("CPU(s):", StringComparison.Ordinal))[7..].Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The QEMU process of a running domain (libvirt writes its pid file).</summary>
    public static int QemuPid(string domain) =>
        int.Parse(File.ReadAllText($"/run/libvirt/qemu/{domain}.pid").Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Destroys and undefines every domain whose name starts with the prefix (a failed run's leftovers).</summary>
    public static void RemoveAll(string prefix)
    {
        foreach (var name in Must("list", "--all", "--name").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                Run("destroy", name);
                Run("undefine", name, "--managed-save", "--snapshots-metadata");
            }
        }
    }
}
