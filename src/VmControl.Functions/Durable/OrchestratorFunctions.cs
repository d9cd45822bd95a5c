using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using VmControl.Application.Tasks;

namespace VmControl.Functions.Durable;

/// <summary>The orchestration trigger over the shared <see cref="VmTaskOrchestrator"/> (no source generator here).</summary>
public static class OrchestratorFunctions
{
    [Function(nameof(VmTaskOrchestrator))]
    public static Task<VmTaskOutcome> RunVmTask([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new VmTaskOrchestrator().RunAsync(context, context.GetInput<VmTaskInput>()!);
    }
}
