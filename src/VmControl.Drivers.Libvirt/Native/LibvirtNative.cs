using System.Runtime.InteropServices;

namespace VmControl.Drivers.Libvirt.Native;

/// <summary>
/// The libvirt C API calls the driver makes (libvirt.so.0, libvirt 9). Strings are UTF-8; a returned <c>char*</c> the
/// caller owns is freed with <see cref="NativeMemory.Free"/> (libc <c>free</c>), as libvirt documents.
/// </summary>
internal static partial class LibvirtNative
{
    private const string Library = "libvirt.so.0";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial ConnectHandle virConnectOpen(string? name);

    [LibraryImport(Library)]
    public static partial int virConnectClose(IntPtr conn);

    [LibraryImport(Library)]
    public static partial int virConnectIsAlive(ConnectHandle conn);

    [LibraryImport(Library)]
    public static partial int virConnectSetKeepAlive(ConnectHandle conn, int interval, uint count);

    [LibraryImport(Library)]
    public static partial int virConnectListAllDomains(ConnectHandle conn, out IntPtr domains, uint flags);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle virDomainDefineXML(ConnectHandle conn, string xml);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    public static partial DomainHandle virDomainLookupByUUIDString(ConnectHandle conn, string uuid);

    [LibraryImport(Library)]
    public static partial int virDomainFree(IntPtr domain);

    [LibraryImport(Library)]
    public static partial int virDomainCreate(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainShutdown(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainDestroy(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainReboot(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainReset(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainSuspend(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainResume(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial int virDomainManagedSave(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainManagedSaveRemove(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainHasManagedSaveImage(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainUndefineFlags(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static partial int virDomainGetState(DomainHandle domain, out int state, out int reason, uint flags);

    [LibraryImport(Library)]
    public static partial IntPtr virDomainGetXMLDesc(DomainHandle domain, uint flags);

    [LibraryImport(Library)]
    public static unsafe partial int virDomainGetUUIDString(DomainHandle domain, byte* buffer);

    /// <summary>For a domain pointer libvirt lends (an event callback's), which no handle may free.</summary>
    [LibraryImport(Library)]
    public static unsafe partial int virDomainGetUUIDString(IntPtr domain, byte* buffer);

    [LibraryImport(Library)]
    public static partial IntPtr virDomainGetName(DomainHandle domain);

    [LibraryImport(Library)]
    public static partial IntPtr virGetLastError();

    [LibraryImport(Library)]
    public static partial void virResetLastError();

    [LibraryImport(Library)]
    public static partial int virEventRegisterDefaultImpl();

    [LibraryImport(Library)]
    public static partial int virEventRunDefaultImpl();

    [LibraryImport(Library)]
    public static partial int virConnectDomainEventRegisterAny(
        ConnectHandle conn, IntPtr domain, int eventId, IntPtr callback, IntPtr opaque, IntPtr freeCallback);

    [LibraryImport(Library)]
    public static partial int virConnectDomainEventDeregisterAny(ConnectHandle conn, int callbackId);
}
