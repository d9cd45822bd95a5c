using Microsoft.DurableTask;

namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// The task's first step: is the task still the VM's? Begin the hypervisor operation and, unless the driver answered
/// with its end already, poll it once when the driver says it may be done (no wait before the first poll); a task the
/// hypervisor ended at once is ended here too (outcome on the VM, the action's start, steps and end in one write). One
/// step instead of four keeps a quick task near the engine's own cost (docs/benchmarks.md).
/// <para>
/// Before the driver accepted the operation, a transient error is thrown so the orchestrator's retry policy repeats
/// the step, which is safe: the ownership check is a read, the drivers return the pending operation for a repeated
/// begin, and a step that already ended the task finds its own outcome on the VM. Once the driver accepted it, the step
/// never throws: a write that fails then hands the operation to the orchestrator (<see cref="BeginOutcome.InProgress"/>
/// with the unwritten steps, or <see cref="BeginOutcome.HypervisorDone"/>), so the task follows what the hypervisor
/// does instead of reporting that nothing changed.
/// </para>
/// </summary>
public sealed class BeginVmTaskActivity(IVmStore store, IActionLog log, IHypervisorDriver driver, TimeProvider time, Budget.AutomatedStarts? budget = null)
    : TaskActivity<VmTaskInput, BeginOutcome>
{
    /// <summary>The activity's registered name; <see cref="V1.BeginVmTaskActivityV1"/> keeps the old one.</summary>
    public const string Name = "BeginVmTaskActivityV2";

    public override async Task<BeginOutcome> RunAsync(TaskActivityContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Telemetry.TaskSpan.Tag(input.VmId, input.ActionId);
        var vm = await StoreCalls.Transient(() => store.GetAsync(input.VmId)).ConfigureAwait(false);
        if (!TaskLock.IsHeldBy(vm, input.TaskState, input.ActionId))
        {
            return await EndUnclaimedAsync(input, vm).ConfigureAwait(false);
        }

        var events = new List<ActionEvent> { new(ActionChange.StartedStep, time.GetUtcNow(), "ok") };
        var begun = await BeginOperationAsync(input, vm, events).ConfigureAwait(false);
        if (begun.Refused is { } refused)
        {
            return await EndHereAsync(refused, vm).ConfigureAwait(false);
        }

        var operation = begun.Operation!;
        var progress = operation.Done is { State: not OperationState.InProgress } done ? done : await FirstPollAsync(operation).ConfigureAwait(false);
        if (progress is null)
        {
            return await HandOverAsync(input, operation, operation.PollAfter, events).ConfigureAwait(false);
        }

        if (progress.State == OperationState.InProgress)
        {
            return await HandOverAsync(input, operation, progress.PollAfter ?? TimeSpan.FromSeconds(1), events).ConfigureAwait(false);
        }

        events.Add(ActionEvent.Completed(progress, time.GetUtcNow()));
        return await EndHereAsync(FinishInput.Ended(input, progress, operation.ExternalId, events, input.ActionRow), vm).ConfigureAwait(false);
    }

    // The task is no longer the VM's, or it ended already (a re-run of this step finds its own outcome on the VM).
    private async Task<BeginOutcome> EndUnclaimedAsync(VmTaskInput input, VmRecord? vm)
    {
        var notStarted = new FinishInput(input, Succeeded: false, null, null, null, ActionRow: input.ActionRow);
        if (vm is not null && vm.TaskState is null && vm.CurrentActionId == input.ActionId)
        {
            return new BeginOutcome.Ended(await TaskEnding.EndedEarlierAsync(log, time, notStarted, vm).ConfigureAwait(false));
        }

        // Pre-empted (a hard delete, a reset) before it touched the hypervisor: the end records that.
        return new BeginOutcome.Ended(await TaskEnding.EndAsync(store, log, time, notStarted, vm).ConfigureAwait(false));
    }

    // Asks the hypervisor to start: the operation it accepted, or the task's end when it refused. A transient error is
    // recorded and thrown for a retry.
    private async Task<(HypervisorOperation? Operation, FinishInput? Refused)> BeginOperationAsync(VmTaskInput input, VmRecord vm, List<ActionEvent> events)
    {
        var command = new HypervisorCommand(vm.Id, vm.ExternalId, input.Action, vm.Name, vm.Size, vm.Image, vm.Tags, input.Parameters, input.ActionId);
        try
        {
            var operation = await driver.BeginAsync(command).ConfigureAwait(false);
            events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "ok", operation.OperationId));
            return (operation, null);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            if (ex.Error is { Throttled: true, RetryAfter: { } wait } && budget is not null)
            {
                // The provider's limit is everyone's: park the shared budget, so no automated start adds to the throttling.
                await StoreCalls.Transient(() => budget.ThrottledAsync(wait, CancellationToken.None)).ConfigureAwait(false);
            }

            events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "transient_error", ex.Message));
            await StoreCalls.Transient(() => log.RecordAsync(input.VmId, input.ActionId, new ActionChange(events[0].At, events), input.ActionRow))
                .ConfigureAwait(false);
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "error", ex.Message));
            return (null, new FinishInput(input, Succeeded: false, null, ex.Error, vm.ExternalId, events, input.ActionRow));
        }
    }

    // Polls at once only when the driver said it may be done already; null: follow it from the orchestrator.
    private async Task<OperationProgress?> FirstPollAsync(HypervisorOperation operation)
    {
        if (operation.PollAfter > TimeSpan.Zero)
        {
            return null;
        }

        try
        {
            return await Polling.PollAsync(driver, operation).ConfigureAwait(false);
        }
        catch (TransientFailureException)
        {
            // Begun: follow it from the orchestrator (whose polls retry) rather than begin it again.
            return new OperationProgress(OperationState.InProgress, PollAfter: TimeSpan.FromSeconds(1));
        }
    }

    // Writes the end here; if the store does not answer, the finish step writes it (the hypervisor part must not run again).
    private async Task<BeginOutcome> EndHereAsync(FinishInput finish, VmRecord vm)
    {
        try
        {
            finish = await TaskEnding.WithPowerAsync(driver, finish).ConfigureAwait(false);
            return new BeginOutcome.Ended(await TaskEnding.EndAsync(store, log, time, finish, vm).ConfigureAwait(false));
        }
        catch (TransientFailureException)
        {
            return new BeginOutcome.HypervisorDone(finish);
        }
    }

    // Still under way: record the steps so far and let the orchestrator follow it. If the store does not answer, the
    // steps travel with the operation to the finish step: the operation began and must be followed, not begun again.
    private async Task<BeginOutcome> HandOverAsync(VmTaskInput input, HypervisorOperation operation, TimeSpan wait, List<ActionEvent> events)
    {
        try
        {
            var row = await StoreCalls.Transient(() => log.RecordAsync(
                input.VmId, input.ActionId, new ActionChange(events[0].At, events), input.ActionRow)).ConfigureAwait(false);
            return new BeginOutcome.InProgress(operation, wait, row);
        }
        catch (TransientFailureException)
        {
            return new BeginOutcome.InProgress(operation, wait, ActionRow: null, Unrecorded: events);
        }
    }
}
