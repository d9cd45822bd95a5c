using System.Runtime.InteropServices;

namespace VmControl.Drivers.Libvirt.Native;

/// <summary>The leading fields of libvirt's <c>virError</c> (code, domain, message); the rest is not read.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct VirErrorHead
{
    public readonly int Code;
    public readonly int Domain;
    public readonly IntPtr Message;
}
