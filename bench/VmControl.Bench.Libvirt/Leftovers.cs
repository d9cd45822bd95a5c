using System.Diagnostics;

namespace VmControl.Bench.Libvirt;

/// <summary>Removes the domains a bench run left behind (named with the bench's prefix).</summary>
internal static class Leftovers
{
    public static void Remove(string prefix)
    {
        foreach (var name in Virsh("list", "--all", "--name").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (name.StartsWith(prefix, StringComparison.Ordinal))
            {
                Virsh("destroy", name);
                Virsh("undefine", name, "--managed-save", "--snapshots-metadata");
            }
        }
    }

    /// <summary>The names of the running domains.</summary>
    public static IEnumerable<string> Running() =>
        Virsh("list", "--name").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Virsh(params string[] arguments)
    {
        var start = new ProcessStartInfo("virsh") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("qemu:///system");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
