using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;

namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// The task's first step: is the task still the VM's? Mark the action started, begin the hypervisor operation and,
/// when the driver says it may already be done (no wait before the first poll), poll it once. One activity instead
/// of three keeps a quick task near the engine's own cost (docs/benchmarks.md); a transient error is thrown so the
/// orchestrator's retry policy repeats the step, which is safe: the ownership check and "started" are idempotent and
/// the drivers return the pending operation for a repeated begin.
/// </summary>
public sealed class BeginVmTaskActivity(IVmStore store, IActionLog log, IHypervisorDriver driver, TimeProvider time)
    : TaskActivity<VmTaskInput, BeginOutcome>
{
    public override async Task<BeginOutcome> RunAsync(TaskActivityContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var vm = await StoreCalls.Transient(() => store.GetAsync(input.VmId)).ConfigureAwait(false);
        if (vm is null || vm.TaskState != input.TaskState || vm.CurrentActionId != input.ActionId)
        {
            return new BeginOutcome(null);
        }

        // The bookkeeping writes run beside the hypervisor calls (each event carries its own time), and are awaited
        // before the step ends, so a failed write still fails the step: it keeps a quick task short.
        var now = time.GetUtcNow();
        var started = Task.WhenAll(
            StoreCalls.Transient(() => log.MarkStartedAsync(input.VmId, input.ActionId, now)),
            Record("task.started", "ok", null));

        var command = new HypervisorCommand(vm.Id, vm.ExternalId, input.Action, vm.Name, vm.Size, vm.Image, vm.Tags, input.Parameters);
        HypervisorOperation operation;
        try
        {
            operation = await driver.BeginAsync(command).ConfigureAwait(false);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            await Task.WhenAll(started, Record("hypervisor.begin", "transient_error", ex.Message)).ConfigureAwait(false);
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            await Task.WhenAll(started, Record("hypervisor.begin", "error", ex.Message)).ConfigureAwait(false);
            return new BeginOutcome(command, Error: ex.Error);
        }

        var begun = Task.WhenAll(started, Record("hypervisor.begin", "ok", operation.OperationId));
        if (operation.PollAfter > TimeSpan.Zero)
        {
            await begun.ConfigureAwait(false);
            return new BeginOutcome(command, operation);
        }

        var progress = Polling.PollAsync(driver, log, time, input.VmId, input.ActionId, operation);
        await Task.WhenAll(begun, progress).ConfigureAwait(false);
        return new BeginOutcome(command, operation, await progress.ConfigureAwait(false));

        Task Record(string step, string result, string? detail) => StoreCalls.Transient(() =>
            log.AddEventAsync(input.VmId, input.ActionId, new ActionEvent(step, time.GetUtcNow(), result, detail)));
    }
}
