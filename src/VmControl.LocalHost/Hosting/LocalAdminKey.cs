using VmControl.Http.Identity;

namespace VmControl.LocalHost.Hosting;

/// <summary>
/// With no API key configured, the LocalHost makes one admin key, as Jupyter makes its token: generated at the first
/// start, printed once, and kept in a file outside the checkout (mode 600) so later starts and the console reuse it.
/// Only on loopback: a host reachable from elsewhere must be given keys (docs/security.md).
/// </summary>
public static class LocalAdminKey
{
    public const string Name = "local-admin";

    /// <summary>Where the key is kept unless <c>Auth:KeyFile</c> says otherwise: <c>~/.local/share/vmcontrol/localhost-admin.key</c> on Linux.</summary>
    public static string DefaultPath =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "vmcontrol", "localhost-admin.key");

    /// <summary>
    /// Adds the generated key to the configuration when none is configured; throws when the host would listen beyond
    /// loopback without configured keys. Returns what to tell the operator, or null when keys were configured.
    /// </summary>
    public static string? Ensure(IConfigurationManager configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration.GetSection("Auth:ApiKeys").GetChildren().Any())
        {
            return null;
        }

        var urls = ListenAddresses.Configured(configuration);
        if (!ListenAddresses.AllLoopback(urls))
        {
            throw new InvalidOperationException(
                $"VmControl.LocalHost will not listen on {string.Join(", ", urls)} without API keys: configure Auth:ApiKeys (docs/security.md), or listen on 127.0.0.1.");
        }

        var path = configuration["Auth:KeyFile"] is { Length: > 0 } configured ? configured : DefaultPath;
        var (key, created) = ReadOrCreate(path);
        configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Auth:ApiKeys:0:Name"] = Name,
            ["Auth:ApiKeys:0:Role"] = "admin",
            ["Auth:ApiKeys:0:Project"] = Application.Model.Projects.Default,
            ["Auth:ApiKeys:0:Hash"] = ApiKeys.HashOf(key),
        });
        var console = urls[0].TrimEnd('/') + "/?key=" + Uri.EscapeDataString(key);
        return created
            ? $"No API key configured: generated the admin key {key}\n  kept in {path}; send it as X-Api-Key, or open the console once at {console}"
            : $"No API key configured: using the admin key kept in {path} (X-Api-Key: $(cat {path}))";
    }

    private static (string Key, bool Created) ReadOrCreate(string path)
    {
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return (existing, false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = ApiKeys.NewKey();
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 4096, FileOptions.None))
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file.SafeFileHandle, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            using var writer = new StreamWriter(file);
            writer.Write(key);
        }

        return (key, true);
    }
}
