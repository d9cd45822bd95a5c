using VmControl.OpenStack.Identity;

namespace VmControl.LocalHost.Hosting;

/// <summary>Whether the addresses a host listens on are all loopback: the only case where it may run without configured keys.</summary>
public static class ListenAddresses
{
    /// <summary>The URLs the host will bind (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), or ASP.NET Core's default.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? "http://localhost:5000";
        var kestrel = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return [.. urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), .. kestrel];
    }

    /// <summary>
    /// True when every URL names a loopback host (<c>localhost</c>, 127.0.0.0/8, <c>[::1]</c>). A wildcard (<c>*</c>,
    /// <c>+</c>, <c>0.0.0.0</c>), a name or an address that cannot be read counts as reachable from outside: fail closed.
    /// </summary>
    public static bool AllLoopback(IEnumerable<string> urls)
    {
        ArgumentNullException.ThrowIfNull(urls);

        // The same reading of a bound URL as the OpenStack face's keyless mode, so the two loopback rules cannot drift.
        return urls.All(NoAuthGate.IsLoopbackUrl);
    }
}
