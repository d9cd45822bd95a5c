namespace VmControl.Drivers.Libvirt;

/// <summary>What one libvirt host cannot do; the API refuses these with 422 before anything changes.</summary>
internal static class LibvirtCapabilities
{
    public static DriverCapabilities Value { get; } = new(
        new Dictionary<VmAction, string>
        {
            [VmAction.Migrate] = "The libvirt driver manages one host: there is no other host to migrate to.",
        },
        // An undefined domain is gone; a stopped one reads shut off, never nothing.
        DeallocatedReadsAsNoState: false);
}
