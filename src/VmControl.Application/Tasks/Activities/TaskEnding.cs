namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// The end of a task, shared by the begin step (a task the hypervisor finished at once ends there) and the finish step:
/// the outcome written to the VM only while the task is still the VM's (Nova's expected_task_state), then the action
/// ended (succeeded, failed, or pre-empted when the VM's task_state is no longer its own) with its last events.
/// </summary>
internal static class TaskEnding
{
    private const int ActionWriteAttempts = 30;

    private static readonly TimeSpan ActionWriteRetryDelay = TimeSpan.FromSeconds(1);

    /// <summary>Reads the machine's power after a failure whose rule depends on it (reboot's), unless it is known.</summary>
    public static async Task<FinishInput> WithPowerAsync(IHypervisorDriver driver, FinishInput input)
    {
        if (input.Succeeded || input.Power is not null || input.Error is null
            || LifecycleTable.For(input.Task.Action).Failure != FailureRule.ErrorIfNotRunning || input.ExternalId is not { } machine)
        {
            return input;
        }

        try
        {
            return input with { Power = await driver.GetPowerStateAsync(machine).ConfigureAwait(false) };
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException)
        {
            // No reading: the rule falls back on the record's last known power.
            return input;
        }
    }

    /// <param name="seen">The VM as read at the start of this step, so an uncontended outcome write needs no read.</param>
    public static async Task<VmTaskOutcome> EndAsync(IVmStore store, IActionLog log, TimeProvider time, FinishInput input, VmRecord? seen)
    {
        var task = input.Task;
        var now = time.GetUtcNow();
        var written = await StoreCalls.Transient(() => new TaskLock(store).UpdateIfHeldFromAsync(
            seen, task.VmId, task.TaskState, task.ActionId, vm => VmOutcome.Apply(vm, input, now))).ConfigureAwait(false);

        // A re-run of this step (its action write below failed after the VM write landed, e.g. in a storage outage)
        // finds task_state already cleared by its own first attempt: that is this task's outcome, not a pre-emption.
        if (written is null
            && await StoreCalls.Transient(() => store.GetAsync(task.VmId)).ConfigureAwait(false) is { TaskState: null } mine
            && mine.CurrentActionId == task.ActionId)
        {
            return await EndedEarlierAsync(log, time, input, mine).ConfigureAwait(false);
        }

        if (written is null)
        {
            return await RecordAsync(log, time, input, new ActionEnd(
                ActionStatus.Preempted, null, new ActionError("preempted", "The VM's task_state was no longer this task's."), now)).ConfigureAwait(false);
        }

        if (input.Succeeded)
        {
            return await RecordAsync(log, time, input, new ActionEnd(ActionStatus.Succeeded, written.VmState, null, now)).ConfigureAwait(false);
        }

        var error = input.Error ?? new HypervisorError("task_failed", "The task failed.", Transient: false, FailureKind.NothingChanged);
        return await RecordAsync(log, time, input, new ActionEnd(ActionStatus.Failed, written.VmState, new ActionError(error.Code, error.Message), now))
            .ConfigureAwait(false);
    }

    /// <summary>
    /// The task's outcome is on the VM already (task_state cleared by this task): end the action as the VM says, the
    /// failure if the VM's fault is this action's, else success. The first end stands if it was recorded.
    /// </summary>
    public static Task<VmTaskOutcome> EndedEarlierAsync(IActionLog log, TimeProvider time, FinishInput input, VmRecord vm)
    {
        var now = time.GetUtcNow();
        var end = vm.Fault is { } fault && fault.ActionId == input.Task.ActionId
            ? new ActionEnd(ActionStatus.Failed, vm.VmState, new ActionError(fault.Code, fault.Message), now)
            : new ActionEnd(ActionStatus.Succeeded, vm.VmState, null, now);
        return RecordAsync(log, time, input, end);
    }

    // Retried here, not by the orchestrator: the VM write has landed and released the task_state, so a re-run of the
    // step could find another task's claim and misreport this one as pre-empted. The bound covers a short storage
    // outage (the reliability suite stops Azurite for 10 s).
    private static async Task<VmTaskOutcome> RecordAsync(IActionLog log, TimeProvider time, FinishInput input, ActionEnd end)
    {
        var task = input.Task;
        var change = new ActionChange(Events: input.Events, End: end);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var stored = await StoreCalls.Transient(() => log.RecordAsync(task.VmId, task.ActionId, change, input.ActionRow)).ConfigureAwait(false);
                var recorded = stored.End ?? end;
                return new VmTaskOutcome(recorded.Status, recorded.VmStateAfter, recorded.Error?.Code);
            }
            catch (TransientFailureException) when (attempt < ActionWriteAttempts)
            {
                await Task.Delay(ActionWriteRetryDelay, time).ConfigureAwait(false);
            }
        }
    }
}
