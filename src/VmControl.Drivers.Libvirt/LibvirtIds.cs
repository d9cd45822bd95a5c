using System.Globalization;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// A VM id (<c>vm-</c> + 16 hex) is carried in the domain's UUID: a fixed first half marks the domain as VmControl's
/// and the second half is the id's hex, so a domain's VM is known from the UUID alone (no metadata read per domain).
/// </summary>
internal static class LibvirtIds
{
    private const string UuidHead = "766d6300-0000-4000-";
    private const string VmPrefix = "vm-";

    public static string UuidOf(string vmId)
    {
        if (!IsVmId(vmId))
        {
            throw LibvirtErrors.Permanent("invalid_vm_id", $"'{vmId}' is not a VmControl VM id.");
        }

        var hex = vmId[VmPrefix.Length..];
        return string.Create(CultureInfo.InvariantCulture, $"{UuidHead}{hex[..4]}-{hex[4..]}");
    }

    /// <summary>The VM id a domain UUID carries, or null for a domain VmControl did not make.</summary>
    public static string? VmIdOf(string uuid)
    {
        if (uuid.Length != 36 || !uuid.StartsWith(UuidHead, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var hex = (uuid[19..23] + uuid[24..]).ToLowerInvariant();
        return VmPrefix + hex;
    }

    private static bool IsVmId(string id) =>
        id.Length == 19 && id.StartsWith(VmPrefix, StringComparison.Ordinal) && id.AsSpan(3).IndexOfAnyExcept("0123456789abcdef") < 0;
}
