using System.Runtime.InteropServices;
using System.Text;

namespace VmControl.Drivers.Libvirt;

/// <summary>The domain calls, each failure turned into a <see cref="HypervisorException"/> from libvirt's last error.</summary>
internal static class LibvirtDomains
{
    /// <summary>The domain with that UUID, or null when the host has none.</summary>
    public static DomainHandle? Find(ConnectHandle connection, string uuid)
    {
        var domain = LibvirtNative.virDomainLookupByUUIDString(connection, uuid);
        if (!domain.IsInvalid)
        {
            return domain;
        }

        domain.Dispose();
        var (code, errorDomain, message) = LibvirtErrors.Read();
        if (code == LibvirtFlags.ErrNoDomain)
        {
            return null;
        }

        throw new HypervisorException(LibvirtErrors.ToError(code, errorDomain, $"Looking up domain {uuid} failed: {message}", FailureKind.NothingChanged));
    }

    public static DomainHandle Define(ConnectHandle connection, string xml)
    {
        var domain = LibvirtNative.virDomainDefineXML(connection, xml);
        if (domain.IsInvalid)
        {
            domain.Dispose();
            throw LibvirtErrors.Last("Defining the domain failed", FailureKind.NothingChanged);
        }

        return domain;
    }

    public static (int State, int Reason) State(DomainHandle domain)
    {
        Check(LibvirtNative.virDomainGetState(domain, out var state, out var reason, 0), "Reading the domain's state");
        return (state, reason);
    }

    public static bool HasManagedSave(DomainHandle domain)
    {
        var result = LibvirtNative.virDomainHasManagedSaveImage(domain, 0);
        Check(result, "Reading the domain's managed save");
        return result == 1;
    }

    public static (PowerState Power, string Detail) Power(DomainHandle domain)
    {
        var (state, reason) = State(domain);
        return LibvirtPower.Map(state, reason, state == 5 && HasManagedSave(domain));
    }

    public static bool IsActive(DomainHandle domain) => State(domain).State is not (5 or 0);

    public static string Xml(DomainHandle domain, bool inactive)
    {
        var text = LibvirtNative.virDomainGetXMLDesc(domain, inactive ? LibvirtFlags.XmlInactive : 0);
        if (text == IntPtr.Zero)
        {
            throw LibvirtErrors.Last("Reading the domain's definition failed", FailureKind.NothingChanged);
        }

        try
        {
            return Marshal.PtrToStringUTF8(text) ?? string.Empty;
        }
        finally
        {
            unsafe
            {
                NativeMemory.Free((void*)text);
            }
        }
    }

    public static unsafe string Uuid(DomainHandle domain)
    {
        var buffer = stackalloc byte[LibvirtFlags.UuidStringBuffer];
        Check(LibvirtNative.virDomainGetUUIDString(domain, buffer), "Reading the domain's UUID");
        return Encoding.ASCII.GetString(buffer, LibvirtFlags.UuidStringBuffer - 1);
    }

    public static string Name(DomainHandle domain) => Marshal.PtrToStringUTF8(LibvirtNative.virDomainGetName(domain)) ?? string.Empty;

    /// <summary>Stops the domain at once (power cut) unless it is already off.</summary>
    public static void DestroyIfActive(DomainHandle domain)
    {
        if (IsActive(domain))
        {
            Check(LibvirtNative.virDomainDestroy(domain), "Destroying the domain");
        }
    }

    public static void Check(int result, string what, FailureKind kind = FailureKind.NothingChanged)
    {
        if (result < 0)
        {
            throw LibvirtErrors.Last($"{what} failed", kind);
        }
    }
}
