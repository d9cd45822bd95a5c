using System.Globalization;
using System.Xml.Linq;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// Domain definitions: a new VM's (its UUID carries the VM id; the size's vCPUs and memory; the image's kernel and
/// initramfs; the overlay disk; the serial console into a log file), and the edits resize and rescue make to one.
/// </summary>
internal static class LibvirtDomainXml
{
    public const string RescueArgument = "vmcontrol.rescue=1";

    public static string Build(LibvirtDriverOptions options, LibvirtPaths paths, string vmId, string name, LibvirtImage image, LibvirtSize size)
    {
        var os = new XElement("os", new XElement("type", new XAttribute("arch", "x86_64"), new XAttribute("machine", "pc"), "hvm"));
        if (image.Kernel is { } kernel)
        {
            os.Add(new XElement("kernel", kernel));
            if (image.Initrd is { } initrd)
            {
                os.Add(new XElement("initrd", initrd));
            }

            os.Add(new XElement("cmdline", image.Cmdline));
        }
        else
        {
            os.Add(new XElement("boot", new XAttribute("dev", "hd")));
        }

        var devices = new XElement("devices");
        if (image.Disk is not null)
        {
            devices.Add(new XElement(
                "disk",
                new XAttribute("type", "file"),
                new XAttribute("device", "disk"),
                new XElement("driver", new XAttribute("name", "qemu"), new XAttribute("type", "qcow2")),
                new XElement("source", new XAttribute("file", paths.Disk(vmId))),
                new XElement("target", new XAttribute("dev", "vda"), new XAttribute("bus", "virtio"))));
        }

        devices.Add(
            new XElement(
                "serial",
                new XAttribute("type", "file"),
                new XElement("source", new XAttribute("path", paths.Console(vmId)), new XAttribute("append", "on")),
                new XElement("target", new XAttribute("port", "0"))),
            new XElement("memballoon", new XAttribute("model", "none")));

        var domain = new XElement(
            "domain",
            new XAttribute("type", options.DomainType),
            new XElement("name", paths.DomainName(vmId)),
            new XElement("uuid", LibvirtIds.UuidOf(vmId)),
            new XElement("title", name),
            Memory(size),
            new XElement("currentMemory", new XAttribute("unit", "MiB"), Number(size.MemoryMiB)),
            new XElement("vcpu", Number(size.Vcpus)),
            os,
            new XElement("features", new XElement("acpi")),
            new XElement("on_poweroff", "destroy"),
            new XElement("on_reboot", "restart"),
            new XElement("on_crash", "destroy"),
            devices);
        return domain.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>The same definition with the size's vCPUs and memory.</summary>
    public static string Resized(string xml, LibvirtSize size)
    {
        var domain = XElement.Parse(xml);
        domain.Element("memory")?.Remove();
        domain.Element("currentMemory")?.Remove();
        domain.Element("vcpu")?.Remove();
        var at = domain.Element("title") ?? domain.Element("uuid") ?? domain.Element("name");
        at!.AddAfterSelf(
            Memory(size),
            new XElement("currentMemory", new XAttribute("unit", "MiB"), Number(size.MemoryMiB)),
            new XElement("vcpu", Number(size.Vcpus)));
        return domain.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>
    /// The rescue configuration: the rescue image's kernel and initramfs (else the VM's own) with <see cref="RescueArgument"/>
    /// on the command line; the VM's disk stays attached, so the rescue system can repair it.
    /// </summary>
    public static string Rescue(string xml, LibvirtImage? rescueImage)
    {
        var domain = XElement.Parse(xml);
        var os = domain.Element("os") ?? throw LibvirtErrors.Permanent("rescue_unsupported", "The domain's definition has no <os> element.");
        if (rescueImage?.Kernel is { } kernel)
        {
            os.Element("boot")?.Remove();
            os.SetElementValue("kernel", kernel);
            os.SetElementValue("initrd", rescueImage.Initrd);
            os.SetElementValue("cmdline", rescueImage.Cmdline);
        }
        else if (os.Element("kernel") is null)
        {
            throw LibvirtErrors.Permanent("rescue_not_configured", "Rescue needs a direct-kernel image or Libvirt:RescueImage.");
        }

        var cmdline = (string?)os.Element("cmdline") ?? string.Empty;
        os.SetElementValue("cmdline", (cmdline + " " + RescueArgument).Trim());
        return domain.ToString(SaveOptions.DisableFormatting);
    }

    public static (int Vcpus, int MemoryMiB) SizeOf(string xml)
    {
        var domain = XElement.Parse(xml);
        var kib = long.Parse((string?)domain.Element("memory") ?? "0", CultureInfo.InvariantCulture);
        var unit = (string?)domain.Element("memory")?.Attribute("unit") ?? "KiB";
        var mib = unit switch { "MiB" => kib, "GiB" => kib * 1024, _ => kib / 1024 };
        return (int.Parse((string?)domain.Element("vcpu") ?? "1", CultureInfo.InvariantCulture), (int)mib);
    }

    private static XElement Memory(LibvirtSize size) => new("memory", new XAttribute("unit", "MiB"), Number(size.MemoryMiB));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
