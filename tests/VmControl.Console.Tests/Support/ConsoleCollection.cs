namespace VmControl.Console.Tests.Support;

/// <summary>The console tests share one host and browser and run one after another (the simulator's settings are global).</summary>
[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
