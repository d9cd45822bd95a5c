using Microsoft.DurableTask;
using VmControl.Application.Fleet;
using VmControl.Application.Tasks.V1;

namespace VmControl.Functions.Durable;

/// <summary>The orchestration triggers over the shared orchestrators (no source generator here).</summary>
public static class OrchestratorFunctions
{
    [Function(VmTaskOrchestrator.Name)]
    public static Task<VmTaskOutcome> RunVmTask([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new VmTaskOrchestrator().RunAsync(context, context.GetInput<VmTaskInput>()!);
    }

    /// <summary>The previous version, for instances started before the deploy (remove with <see cref="VmTaskOrchestratorV1"/>).</summary>
    [Function(VmTaskOrchestratorV1.Name)]
    public static Task<VmTaskOutcome> RunVmTaskV1([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new VmTaskOrchestratorV1().RunAsync(context, context.GetInput<VmTaskInput>()!);
    }

    [Function(FleetOrchestrator.Name)]
    public static Task<FleetStatus> RunFleetOperation([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new FleetOrchestrator().RunAsync(context, context.GetInput<FleetRun>()!);
    }
}
