using VmControl.Application.Fleet;
using VmControl.Application.Ports;
using VmControl.Application.Tasks.Activities;
using VmControl.Application.Tasks.V1;

namespace VmControl.Functions.Durable;

/// <summary>One activity trigger per shared activity, named as the orchestrator calls it.</summary>
public sealed class ActivityFunctions(
    BeginVmTaskActivity begin,
    PollOperationActivity poll,
    FinishVmTaskActivity finish,
    BeginVmTaskActivityV1 beginV1,
    PlanFleetActivity planFleet,
    AdvanceFleetTierActivity advanceFleet,
    CheckFleetReadinessActivity fleetReadiness,
    FinishFleetActivity finishFleet)
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

    [Function(PlanFleetActivity.Name)]
    public Task<FleetPlan> PlanFleet([ActivityTrigger] string input, FunctionContext context) =>
        planFleet.RunAsync(new FunctionActivityContext(PlanFleetActivity.Name, context), input);

    [Function(AdvanceFleetTierActivity.Name)]
    public Task<FleetTierState> AdvanceFleetTier([ActivityTrigger] FleetStep input, FunctionContext context) =>
        advanceFleet.RunAsync(new FunctionActivityContext(AdvanceFleetTierActivity.Name, context), input);

    [Function(CheckFleetReadinessActivity.Name)]
    public Task<FleetTierState> CheckFleetReadiness([ActivityTrigger] FleetStep input, FunctionContext context) =>
        fleetReadiness.RunAsync(new FunctionActivityContext(CheckFleetReadinessActivity.Name, context), input);

    [Function(FinishFleetActivity.Name)]
    public Task<FleetStatus> FinishFleet([ActivityTrigger] string input, FunctionContext context) =>
        finishFleet.RunAsync(new FunctionActivityContext(FinishFleetActivity.Name, context), input);
}
