using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;

namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// Writes the task's outcome to the VM, only while the task is still the VM's (Nova's expected_task_state), and
/// ends the action: succeeded, failed, or pre-empted when the VM's task_state is no longer its own.
/// </summary>
public sealed class FinishVmTaskActivity(IVmStore store, IActionLog log, TimeProvider time) : TaskActivity<FinishInput, VmTaskOutcome>
{
    private const int OutcomeWriteAttempts = 30;

    private static readonly TimeSpan OutcomeWriteRetryDelay = TimeSpan.FromSeconds(1);

    public override async Task<VmTaskOutcome> RunAsync(TaskActivityContext context, FinishInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var task = input.Task;
        var now = time.GetUtcNow();
        var written = await StoreCalls.Transient(() => store.UpdateIfTaskAsync(
            task.VmId, task.TaskState, task.ActionId, vm => VmOutcome.Apply(vm, input, now))).ConfigureAwait(false);

        // A retry of this activity (its log writes below failed after the VM write landed, e.g. in a storage outage)
        // finds task_state already cleared by its own first attempt: that is this task's outcome, not a pre-emption.
        if (written is null
            && await StoreCalls.Transient(() => store.GetAsync(task.VmId)).ConfigureAwait(false) is { TaskState: null } mine
            && mine.CurrentActionId == task.ActionId)
        {
            written = mine;
        }

        if (written is null)
        {
            await End(ActionStatus.Preempted, null, new ActionError("preempted", "The VM's task_state was no longer this task's.")).ConfigureAwait(false);
            return new VmTaskOutcome(ActionStatus.Preempted, null, "preempted");
        }

        if (input.Succeeded)
        {
            await End(ActionStatus.Succeeded, written.VmState, null).ConfigureAwait(false);
            return new VmTaskOutcome(ActionStatus.Succeeded, written.VmState);
        }

        var error = input.Error ?? new HypervisorError("task_failed", "The task failed.", Transient: false, FailureKind.NothingChanged);
        await End(ActionStatus.Failed, written.VmState, new ActionError(error.Code, error.Message)).ConfigureAwait(false);
        return new VmTaskOutcome(ActionStatus.Failed, written.VmState, error.Code);

        async Task End(ActionStatus status, VmState? after, ActionError? actionError)
        {
            var step = status switch
            {
                ActionStatus.Succeeded => "task.succeeded",
                ActionStatus.Preempted => "task.preempted",
                _ => "task.failed",
            };
            // Independent rows (the event table and the action row): written together to keep the task's tail short.
            // Retried here, not by the orchestrator: the VM write above has landed and released the task_state, so a
            // re-run of this activity could find another task's claim and misreport this one as pre-empted. The bound
            // covers a short storage outage (the reliability suite stops Azurite for 10 s).
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await Task.WhenAll(
                        StoreCalls.Transient(() => log.AddEventAsync(
                            task.VmId, task.ActionId, new ActionEvent(step, now, status == ActionStatus.Succeeded ? "ok" : "error", actionError?.Message))),
                        StoreCalls.Transient(() => log.FinishAsync(task.VmId, task.ActionId, status, after, actionError, now))).ConfigureAwait(false);
                    return;
                }
                catch (TransientFailureException) when (attempt < OutcomeWriteAttempts)
                {
                    await Task.Delay(OutcomeWriteRetryDelay, time).ConfigureAwait(false);
                }
            }
        }
    }
}
