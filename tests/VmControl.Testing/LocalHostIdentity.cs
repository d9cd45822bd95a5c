namespace VmControl.Testing;

/// <summary>
/// What makes one LocalHost's data its own on a shared Azurite: table prefix, Durable task hub and worker id.
/// A restart with the same identity is the same deployment coming back (it finds its tasks and partition leases).
/// </summary>
public sealed record LocalHostIdentity(string TablePrefix, string HubName, string WorkerId)
{
    /// <summary>A fresh identity: letters and digits only (as table and hub names require), starting with <paramref name="prefix"/>.</summary>
    public static LocalHostIdentity New(string prefix = "E2e")
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return new LocalHostIdentity(prefix + suffix, prefix + suffix, prefix.ToLowerInvariant() + "-" + suffix);
    }

    public IEnumerable<string> CommandLine()
    {
        yield return $"--Storage:TablePrefix={TablePrefix}";
        yield return $"--Durable:HubName={HubName}";
        yield return $"--Durable:WorkerId={WorkerId}";
    }
}
