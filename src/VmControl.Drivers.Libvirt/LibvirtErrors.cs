using System.Globalization;
using System.Runtime.InteropServices;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// Turns libvirt's thread-local last error (<c>virGetLastError</c>) into the port's errors. Transient: the connection or
/// daemon went away (RPC, system and no-connection errors; libvirtd restarting) or a lock was busy; a retry on a fresh
/// connection can work. Permanent: everything libvirt rejected on its merits (no such domain, invalid in this state).
/// </summary>
internal static class LibvirtErrors
{
    private const int RpcDomain = 7;

    private static readonly HashSet<int> TransientCodes =
    [
        LibvirtFlags.ErrNoConnect,
        LibvirtFlags.ErrSystem,
        LibvirtFlags.ErrRpc,
        LibvirtFlags.ErrOperationTimeout,
        LibvirtFlags.ErrAgentUnresponsive,
        LibvirtFlags.ErrResourceBusy,
    ];

    /// <summary>The calling thread's last libvirt error as an exception; call right after the failed call.</summary>
    public static HypervisorException Last(string what, FailureKind kind)
    {
        var error = Read();
        return new HypervisorException(ToError(error.Code, error.Domain, $"{what}: {error.Message}", kind));
    }

    /// <summary>The calling thread's last libvirt error: code, error domain, message.</summary>
    public static (int Code, int Domain, string Message) Read()
    {
        var pointer = LibvirtNative.virGetLastError();
        if (pointer == IntPtr.Zero)
        {
            return (0, 0, "libvirt reported no error");
        }

        var head = Marshal.PtrToStructure<VirErrorHead>(pointer);
        var message = Marshal.PtrToStringUTF8(head.Message) ?? "libvirt gave no message";
        LibvirtNative.virResetLastError();
        return (head.Code, head.Domain, message);
    }

    public static HypervisorError ToError(int code, int domain, string message, FailureKind kind)
    {
        var transient = TransientCodes.Contains(code) || domain == RpcDomain;
        return new HypervisorError(CodeName(code), message, transient, kind);
    }

    public static HypervisorException Permanent(string code, string message) =>
        new(new HypervisorError(code, message, Transient: false, FailureKind.NothingChanged));

    private static string CodeName(int code) => code switch
    {
        LibvirtFlags.ErrNoDomain => "not_found",
        LibvirtFlags.ErrOperationInvalid => "operation_invalid",
        LibvirtFlags.ErrOperationTimeout => "operation_timeout",
        LibvirtFlags.ErrOperationFailed => "operation_failed",
        LibvirtFlags.ErrSystem => "libvirt_system_error",
        LibvirtFlags.ErrRpc => "libvirt_unreachable",
        LibvirtFlags.ErrNoConnect => "libvirt_unreachable",
        LibvirtFlags.ErrInternal => "libvirt_internal_error",
        _ => string.Create(CultureInfo.InvariantCulture, $"libvirt_error_{code}"),
    };
}
