using Microsoft.DurableTask;
using VmControl.Application.Fleet;
using VmControl.Application.Tasks.Activities;
using VmControl.Application.Tasks.V1;

namespace VmControl.Application.Tasks;

/// <summary>Registers the orchestrators and activities; both hosts call it, so they run the same code.</summary>
public static class DurableTaskRegistryExtensions
{
    /// <param name="registry">The worker's registry.</param>
    /// <param name="limits">The orchestrator's budgets; <see cref="VmTaskLimits.Default"/> unless a test needs them small.</param>
    public static DurableTaskRegistry AddVmControlTasks(this DurableTaskRegistry registry, VmTaskLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(registry);
        var budgets = limits ?? VmTaskLimits.Default;
        return registry
            .AddOrchestrator(VmTaskOrchestrator.Name, () => new VmTaskOrchestrator(budgets))
            .AddActivity<BeginVmTaskActivity>(BeginVmTaskActivity.Name)
            .AddActivity<PollOperationActivity>()
            .AddActivity<FinishVmTaskActivity>()
            .AddOrchestrator<FleetOrchestrator>(FleetOrchestrator.Name)
            .AddActivity<PlanFleetActivity>(PlanFleetActivity.Name)
            .AddActivity<AdvanceFleetTierActivity>(AdvanceFleetTierActivity.Name)
            .AddActivity<CheckFleetReadinessActivity>(CheckFleetReadinessActivity.Name)
            .AddActivity<FinishFleetActivity>(FinishFleetActivity.Name)

            // The previous version, until its instances have drained (VmTaskOrchestratorV1 says when to remove it).
            .AddOrchestrator<VmTaskOrchestratorV1>(VmTaskOrchestratorV1.Name)
            .AddActivity<BeginVmTaskActivityV1>(BeginVmTaskActivityV1.Name);
    }
}
