using System.Security.Cryptography;
using System.Text;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// Keystone ids are 32 hex characters; ours are derived from the configured names so they stay the same across
/// restarts and hosts without storing anything.
/// </summary>
public static class KeystoneIds
{
    public static string Of(string kind, string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{kind}:{name}")).AsSpan(0, 16));

    /// <summary>The user id recorded for a history entry's <c>requestedBy</c> (ours carry <c>openstack:</c> before the name).</summary>
    public static string UserOf(string requestedBy) =>
        Of("user", requestedBy.StartsWith("openstack:", StringComparison.Ordinal) ? requestedBy["openstack:".Length..] : requestedBy);
}
