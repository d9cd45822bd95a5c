using VmControl.Application.Ports;
using VmControl.Application.Tasks.Activities;
using VmControl.Application.Tasks.V1;

namespace VmControl.Functions.Durable;

/// <summary>One activity trigger per shared activity, named as the orchestrator calls it.</summary>
public sealed class ActivityFunctions(
    BeginVmTaskActivity begin,
    PollOperationActivity poll,
    FinishVmTaskActivity finish,
    BeginVmTaskActivityV1 beginV1)
{
    [Function(BeginVmTaskActivity.Name)]
    public Task<BeginOutcome> BeginVmTask([ActivityTrigger] VmTaskInput input, FunctionContext context) =>
        begin.RunAsync(new FunctionActivityContext(BeginVmTaskActivity.Name, context), input);

    [Function(nameof(PollOperationActivity))]
    public Task<OperationProgress> PollOperation([ActivityTrigger] PollInput input, FunctionContext context) =>
        poll.RunAsync(new FunctionActivityContext(nameof(PollOperationActivity), context), input);

    [Function(nameof(FinishVmTaskActivity))]
    public Task<VmTaskOutcome> FinishVmTask([ActivityTrigger] FinishInput input, FunctionContext context) =>
        finish.RunAsync(new FunctionActivityContext(nameof(FinishVmTaskActivity), context), input);

    /// <summary>The begin step of the previous orchestrator version (remove with <see cref="VmTaskOrchestratorV1"/>).</summary>
    [Function(BeginVmTaskActivityV1.Name)]
    public Task<BeginOutcomeV1> BeginVmTaskV1([ActivityTrigger] VmTaskInput input, FunctionContext context) =>
        beginV1.RunAsync(new FunctionActivityContext(BeginVmTaskActivityV1.Name, context), input);
}
