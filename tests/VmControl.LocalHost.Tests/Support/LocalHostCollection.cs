namespace VmControl.LocalHost.Tests.Support;

/// <summary>
/// The test classes that share one LocalHost process. They run one after another, so a class that changes the
/// simulator's latency (process-wide) does not slow the others down.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LocalHostCollection : ICollectionFixture<LocalHostFixture>
{
    public const string Name = "LocalHost";
}
