using Microsoft.DurableTask;
using VmControl.Application.Tasks.Activities;

namespace VmControl.Application.Tasks;

/// <summary>Registers the orchestrator and activities; both hosts call it, so they run the same code.</summary>
public static class DurableTaskRegistryExtensions
{
    public static DurableTaskRegistry AddVmControlTasks(this DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return registry
            .AddOrchestrator<VmTaskOrchestrator>()
            .AddActivity<BeginVmTaskActivity>()
            .AddActivity<PollOperationActivity>()
            .AddActivity<FinishVmTaskActivity>();
    }
}
