using Microsoft.DurableTask;

namespace VmControl.Bench.Actions;

/// <summary>The baseline: one orchestration calling one trivial activity on the same engine.</summary>
public sealed class BareOrchestrator : TaskOrchestrator<string, string>
{
    public override Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<string>(nameof(BareActivity), input);
}
