using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VmControl.Application.Tasks;
using VmControl.Functions.Durable;

namespace VmControl.Functions.Tests;

public sealed class DurableTriggerTests
{
    [Fact]
    public void ActivityTriggers_CoverEveryActivityTheOrchestratorCalls()
    {
        var activities = typeof(VmTaskOrchestrator).Assembly.GetTypes()
            .Where(t => t.Namespace == "VmControl.Application.Tasks.Activities" && t.Name.EndsWith("Activity", StringComparison.Ordinal))
            .Select(t => t.Name)
            .Order(StringComparer.Ordinal);
        var functions = typeof(ActivityFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(activities, functions);
    }

    [Fact]
    public void OrchestrationTrigger_IsNamedAsTheLauncherSchedulesIt()
    {
        var name = typeof(OrchestratorFunctions).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>() is not null)
            .GetCustomAttribute<FunctionAttribute>()!.Name;

        Assert.Equal(nameof(VmTaskOrchestrator), name);
    }
}
