using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using VmControl.Application.Tasks;
using VmControl.Application.Tasks.V1;
using VmControl.Functions.Durable;

namespace VmControl.Functions.Tests;

public sealed class DurableTriggerTests
{
    [Fact]
    public void ActivityTriggers_CoverEveryActivityTheOrchestratorCalls()
    {
        // An activity is registered under its Name constant when it has one (a versioned contract), else its type name.
        var activities = typeof(VmTaskOrchestrator).Assembly.GetTypes()
            .Where(t => (t.Namespace is "VmControl.Application.Tasks.Activities" or "VmControl.Application.Tasks.V1"
                    && t.Name.Contains("Activity", StringComparison.Ordinal))
                || (t.Namespace is "VmControl.Application.Fleet" && t.Name.EndsWith("Activity", StringComparison.Ordinal)))
            .Select(t => t.GetField("Name")?.GetRawConstantValue() as string ?? t.Name)
            .Order(StringComparer.Ordinal);
        var functions = typeof(ActivityFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(activities, functions);
    }

    [Fact]
    public void OrchestrationTriggers_AreTheCurrentVersionTheLauncherSchedules_AndThePreviousOne()
    {
        var names = typeof(OrchestratorFunctions).GetMethods()
            .Select(m => m.GetCustomAttribute<FunctionAttribute>()?.Name)
            .OfType<string>()
            .Order(StringComparer.Ordinal);

        Assert.Equal(new[] { VmTaskOrchestrator.Name, VmTaskOrchestratorV1.Name, Application.Fleet.FleetOrchestrator.Name }.Order(StringComparer.Ordinal), names);
    }
}
