namespace VmControl.Drivers.Libvirt;

/// <summary>The libvirt driver's settings (section <c>Libvirt</c>, app settings <c>Libvirt__*</c>).</summary>
public sealed class LibvirtDriverOptions
{
    /// <summary>Where libvirt is: <c>qemu:///system</c> here, <c>qemu+ssh://host/system</c> or <c>qemu+tls://</c> for a remote host.</summary>
    public string ConnectionUri { get; set; } = "qemu:///system";

    /// <summary>The domain type: <c>qemu</c> (emulation, works everywhere) or <c>kvm</c> (hardware virtualisation).</summary>
    public string DomainType { get; set; } = "qemu";

    /// <summary>Domain names are this prefix plus the VM id, so the driver's domains are recognisable on a shared host.</summary>
    public string NamePrefix { get; set; } = "vmc-";

    /// <summary>Where overlay disks, console logs and kept definitions (rescue, resize) live; created when missing.</summary>
    public string StateFolder { get; set; } = "/var/lib/vmcontrol/libvirt";

    /// <summary>Where snapshot and backup disk copies are written.</summary>
    public string ImagesFolder { get; set; } = "/var/lib/vmcontrol/images";

    public Dictionary<string, LibvirtImage> Images { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, LibvirtSize> Sizes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The image rescue boots (its kernel and initramfs, the VM's disk attached); null: the VM's own image in rescue mode.</summary>
    public string? RescueImage { get; set; }

    /// <summary>How long a soft stop waits for the guest to answer the ACPI power button before the domain is destroyed.</summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the orchestrator waits between polls of an operation still in progress (a soft stop).</summary>
    public TimeSpan PollAfter { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a stop's begin waits for a quick guest to go off before handing over to polls (activities stay short).</summary>
    public TimeSpan SettleWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The qemu-img program that makes overlays and disk copies.</summary>
    public string QemuImg { get; set; } = "qemu-img";
}
