using Microsoft.Azure.Functions.Worker;
using VmControl.Application.Ports;
using VmControl.Application.Tasks;
using VmControl.Application.Tasks.Activities;

namespace VmControl.Functions.Durable;

/// <summary>One activity trigger per shared activity, named as the orchestrator calls it.</summary>
public sealed class ActivityFunctions(
    BeginVmTaskActivity begin,
    PollOperationActivity poll,
    FinishVmTaskActivity finish)
{
    [Function(nameof(BeginVmTaskActivity))]
    public Task<BeginOutcome> BeginVmTask([ActivityTrigger] VmTaskInput input, FunctionContext context) =>
        begin.RunAsync(new FunctionActivityContext(nameof(BeginVmTaskActivity), context), input);

    [Function(nameof(PollOperationActivity))]
    public Task<OperationProgress> PollOperation([ActivityTrigger] PollInput input, FunctionContext context) =>
        poll.RunAsync(new FunctionActivityContext(nameof(PollOperationActivity), context), input);

    [Function(nameof(FinishVmTaskActivity))]
    public Task<VmTaskOutcome> FinishVmTask([ActivityTrigger] FinishInput input, FunctionContext context) =>
        finish.RunAsync(new FunctionActivityContext(nameof(FinishVmTaskActivity), context), input);
}
