namespace VmControl.Drivers.Libvirt.Native;

/// <summary>The libvirt constants the driver passes or reads (libvirt-domain.h, virterror.h).</summary>
internal static class LibvirtFlags
{
    public const uint RebootAcpiPowerButton = 1;
    public const uint XmlInactive = 2;
    public const uint UndefineManagedSave = 1;
    public const uint UndefineSnapshotsMetadata = 2;
    public const int EventIdLifecycle = 0;
    public const int UuidStringBuffer = 37;

    public const int ErrInternal = 1;
    public const int ErrNoConnect = 5;
    public const int ErrOperationFailed = 9;
    public const int ErrSystem = 38;
    public const int ErrRpc = 39;
    public const int ErrNoDomain = 42;
    public const int ErrOperationInvalid = 55;
    public const int ErrOperationTimeout = 68;
    public const int ErrAgentUnresponsive = 86;
    public const int ErrResourceBusy = 87;
}
