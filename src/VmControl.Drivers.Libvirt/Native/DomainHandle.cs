using Microsoft.Win32.SafeHandles;

namespace VmControl.Drivers.Libvirt.Native;

/// <summary>A <c>virDomainPtr</c>; every one libvirt hands out must be freed (<c>virDomainFree</c>), listed ones included.</summary>
internal sealed class DomainHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public DomainHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>Takes ownership of a pointer from <c>virConnectListAllDomains</c>' array.</summary>
    public DomainHandle(IntPtr pointer)
        : base(ownsHandle: true)
    {
        SetHandle(pointer);
    }

    protected override bool ReleaseHandle() => LibvirtNative.virDomainFree(handle) >= 0;
}
