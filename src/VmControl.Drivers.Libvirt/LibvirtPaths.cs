namespace VmControl.Drivers.Libvirt;

/// <summary>Where a VM's files live in the state folder: its overlay disk, console log and kept definitions.</summary>
internal sealed class LibvirtPaths(LibvirtDriverOptions options)
{
    public string DomainName(string vmId) => options.NamePrefix + vmId;

    public string Disk(string vmId) => Path.Combine(options.StateFolder, DomainName(vmId) + ".qcow2");

    public string Console(string vmId) => Path.Combine(options.StateFolder, DomainName(vmId) + ".console.log");

    /// <summary>The definition rescue replaced, restored by unrescue.</summary>
    public string RescueKept(string vmId) => Path.Combine(options.StateFolder, DomainName(vmId) + ".rescue.xml");

    /// <summary>The definition before a resize, kept until confirm (dropped) or revert (restored).</summary>
    public string ResizeKept(string vmId) => Path.Combine(options.StateFolder, DomainName(vmId) + ".resize.xml");

    public string ImageCopy(string name) => Path.Combine(options.ImagesFolder, name + ".qcow2");

    public IEnumerable<string> All(string vmId) => [Disk(vmId), Console(vmId), RescueKept(vmId), ResizeKept(vmId)];
}
