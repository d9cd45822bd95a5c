namespace VmControl.Drivers.Libvirt;

/// <summary>
/// An image as configuration: a base disk each VM gets a qcow2 overlay on, and for a direct-kernel guest its kernel,
/// initramfs and command line. Without <see cref="Kernel"/> the guest boots from the disk.
/// </summary>
public sealed class LibvirtImage
{
    /// <summary>The base disk (qcow2 or raw); null: no disk (libvirt's test driver, a diskless initramfs guest).</summary>
    public string? Disk { get; set; }

    /// <summary>The base disk's format as qemu-img names it.</summary>
    public string DiskFormat { get; set; } = "qcow2";

    public string? Kernel { get; set; }

    public string? Initrd { get; set; }

    // no_timer_check: under emulation on a loaded host the kernel's IO-APIC timer check can fail before the serial
    // console is up, and the guest then hangs silently (a clean-clone CI run saw one of four guests never print);
    // cloud images pass it for the same reason.
    public string Cmdline { get; set; } = "console=ttyS0 quiet no_timer_check";
}
