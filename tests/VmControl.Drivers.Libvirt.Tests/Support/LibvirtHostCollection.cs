namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>The real-guest tests share one host and run one class at a time (at most 4 guests at once).</summary>
[CollectionDefinition(Name)]
public sealed class LibvirtHostCollection : ICollectionFixture<LibvirtHostFixture>
{
    public const string Name = "libvirt host";
}
