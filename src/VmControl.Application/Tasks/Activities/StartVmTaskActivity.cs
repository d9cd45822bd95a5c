using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>Reads the VM (is the task still its own?) and marks the action started.</summary>
public sealed class StartVmTaskActivity(IVmStore store, IActionLog log, TimeProvider time) : TaskActivity<VmTaskInput, StartOutcome>
{
    public override async Task<StartOutcome> RunAsync(TaskActivityContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vm = await StoreCalls.Transient(() => store.GetAsync(input.VmId)).ConfigureAwait(false);
        if (vm is null || vm.TaskState != input.TaskState || vm.CurrentActionId != input.ActionId)
        {
            return new StartOutcome(null);
        }

        var now = time.GetUtcNow();
        await StoreCalls.Transient(() => log.MarkStartedAsync(input.VmId, input.ActionId, now)).ConfigureAwait(false);
        await StoreCalls.Transient(() => log.AddEventAsync(input.VmId, input.ActionId, new ActionEvent("task.started", now, "ok")))
            .ConfigureAwait(false);
        return new StartOutcome(new HypervisorCommand(
            vm.Id, vm.ExternalId, input.Action, vm.Name, vm.Size, vm.Image, vm.Tags, input.Parameters));
    }
}
