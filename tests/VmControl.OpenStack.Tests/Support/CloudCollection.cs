namespace VmControl.OpenStack.Tests.Support;

/// <summary>The real-client tests share one LocalHost and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class CloudCollection : ICollectionFixture<OpenStackCloud>
{
    public const string Name = "OpenStack cloud";
}
