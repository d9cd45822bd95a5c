namespace VmControl.LocalHost.Tests.Support;

/// <summary>
/// What makes one LocalHost's data its own on the shared Azurite: table prefix, Durable task hub and worker id.
/// A restart with the same identity is the same deployment coming back (it finds its tasks and partition leases).
/// </summary>
public sealed record LocalHostIdentity(string TablePrefix, string HubName, string WorkerId)
{
    /// <summary>A fresh identity: letters and digits only, as table and hub names require.</summary>
    public static LocalHostIdentity New()
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        return new LocalHostIdentity("E2e" + suffix, "E2e" + suffix, "e2e-" + suffix);
    }

    public IEnumerable<string> CommandLine()
    {
        yield return $"--Storage:TablePrefix={TablePrefix}";
        yield return $"--Durable:HubName={HubName}";
        yield return $"--Durable:WorkerId={WorkerId}";
    }
}
