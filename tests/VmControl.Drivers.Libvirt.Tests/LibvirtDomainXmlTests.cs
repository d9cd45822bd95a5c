using System.Xml.Linq;

namespace VmControl.Drivers.Libvirt.Tests;

public sealed class LibvirtDomainXmlTests
{
    private static readonly LibvirtDriverOptions Options = new() { StateFolder = "/s", NamePrefix = "p-", DomainType = "qemu" };
    private static readonly LibvirtImage Image = new() { Disk = "/b.qcow2", Kernel = "/k", Initrd = "/i", Cmdline = "console=ttyS0" };

    [Fact]
    public void Build_PutsTheVmIdInTheUuidAndTheSizeInVcpusAndMemory()
    {
        var xml = XElement.Parse(LibvirtDomainXml.Build(Options, new LibvirtPaths(Options), "vm-0123456789abcdef", "web 1", Image, new LibvirtSize { Vcpus = 2, MemoryMiB = 96 }));

        Assert.Equal("qemu", (string?)xml.Attribute("type"));
        Assert.Equal("p-vm-0123456789abcdef", (string?)xml.Element("name"));
        Assert.Equal("vm-0123456789abcdef", LibvirtIds.VmIdOf((string)xml.Element("uuid")!));
        Assert.Equal("web 1", (string?)xml.Element("title"));
        Assert.Equal(("2", "96", "MiB"), ((string?)xml.Element("vcpu"), (string?)xml.Element("memory"), (string?)xml.Element("memory")!.Attribute("unit")));
        Assert.Equal(("/k", "/i"), ((string?)xml.Element("os")!.Element("kernel"), (string?)xml.Element("os")!.Element("initrd")));
        Assert.Equal("/s/p-vm-0123456789abcdef.qcow2", (string?)xml.Element("devices")!.Element("disk")!.Element("source")!.Attribute("file"));
    }

    [Theory]
    [InlineData("Wébserver ✓ <prod> & \"friends\"")]
    [InlineData(" ../../etc/passwd ")]
    [InlineData("🚀 名前")]
    public void Build_AnyDisplayName_IsOnlyTheTitle_TheDomainAndDiskFollowTheVmId(string name)
    {
        var xml = XElement.Parse(LibvirtDomainXml.Build(Options, new LibvirtPaths(Options), "vm-0123456789abcdef", name, Image, new LibvirtSize()));

        Assert.Equal(name, (string?)xml.Element("title"));
        Assert.Equal("p-vm-0123456789abcdef", (string?)xml.Element("name"));
        Assert.Equal("/s/p-vm-0123456789abcdef.qcow2", (string?)xml.Element("devices")!.Element("disk")!.Element("source")!.Attribute("file"));
    }

    [Fact]
    public void Resized_ChangesOnlyVcpusAndMemory()
    {
        var before = LibvirtDomainXml.Build(Options, new LibvirtPaths(Options), "vm-0123456789abcdef", "w", Image, new LibvirtSize { Vcpus = 1, MemoryMiB = 128 });

        var after = LibvirtDomainXml.Resized(before, new LibvirtSize { Vcpus = 2, MemoryMiB = 160 });

        Assert.Equal((2, 160), LibvirtDomainXml.SizeOf(after));
        Assert.Equal(before.Replace(">1<", ">2<", StringComparison.Ordinal).Replace(">128<", ">160<", StringComparison.Ordinal), after);
    }

    [Fact]
    public void Rescue_AddsTheRescueArgumentAndKeepsTheDisk()
    {
        var before = LibvirtDomainXml.Build(Options, new LibvirtPaths(Options), "vm-0123456789abcdef", "w", Image, new LibvirtSize());

        var rescue = XElement.Parse(LibvirtDomainXml.Rescue(before, rescueImage: null));

        Assert.Equal("console=ttyS0 " + LibvirtDomainXml.RescueArgument, (string?)rescue.Element("os")!.Element("cmdline"));
        Assert.NotNull(rescue.Element("devices")!.Element("disk"));
    }
}
