namespace VmControl.Drivers.Libvirt;

/// <summary>A size (flavor) as configuration: virtual CPUs and memory.</summary>
public sealed class LibvirtSize
{
    public int Vcpus { get; set; } = 1;

    public int MemoryMiB { get; set; } = 128;
}
