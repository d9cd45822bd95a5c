namespace VmControl.Console.Tests.Support;

/// <summary>
/// Debian's chromium (scripts/ensure-chromium.sh installs it), never a browser downloaded by <c>playwright install</c>
/// (docs/architecture.md): the path is what <c>command -v chromium</c> finds.
/// </summary>
internal static class Chromium
{
    public static readonly string[] Args =
    [
        "--no-sandbox", "--headless", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run",
    ];

    public static string Path()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHROMIUM_PATH");
        if (!string.IsNullOrEmpty(fromEnv))
        {
            return fromEnv;
        }

        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator))
        {
            var candidate = System.IO.Path.Combine(dir, "chromium");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("chromium is not installed: run scripts/ensure-chromium.sh (apt-get install -y chromium).");
    }
}
