using Microsoft.Win32.SafeHandles;

namespace VmControl.Drivers.Libvirt.Native;

/// <summary>A <c>virConnectPtr</c>; closing it drops libvirt's reference (the connection ends with its last one).</summary>
internal sealed class ConnectHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public ConnectHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle() => LibvirtNative.virConnectClose(handle) >= 0;
}
