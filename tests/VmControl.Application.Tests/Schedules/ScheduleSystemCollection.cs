namespace VmControl.Application.Tests.Schedules;

/// <summary>The schedule tick tests and the cost guard's share one system (one engine start instead of two).</summary>
[CollectionDefinition(Name)]
public sealed class ScheduleSystemCollection : ICollectionFixture<ScheduleTickFixture>
{
    public const string Name = "schedule system";
}
