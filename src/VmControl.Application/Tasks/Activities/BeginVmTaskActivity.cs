using Microsoft.DurableTask;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;

namespace VmControl.Application.Tasks.Activities;

/// <summary>
/// The task's first step: is the task still the VM's? Begin the hypervisor operation and, unless the driver answered
/// with its end already, poll it once when the driver says it may be done (no wait before the first poll); a task the
/// hypervisor ended at once is ended here too (outcome on the VM, the action's start, steps and end in one write). One
/// step instead of four keeps a quick task near the engine's own cost (docs/benchmarks.md). A transient error before the operation ends is thrown, so
/// the orchestrator's retry policy repeats the step, which is safe: the ownership check is a read, the drivers return
/// the pending operation for a repeated begin, and a step that already ended the task finds its own outcome on the VM.
/// </summary>
public sealed class BeginVmTaskActivity(IVmStore store, IActionLog log, IHypervisorDriver driver, TimeProvider time)
    : TaskActivity<VmTaskInput, BeginOutcome>
{
    public override async Task<BeginOutcome> RunAsync(TaskActivityContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Telemetry.TaskSpan.Tag(input.VmId, input.ActionId);
        var vm = await StoreCalls.Transient(() => store.GetAsync(input.VmId)).ConfigureAwait(false);
        var notStarted = new FinishInput(input, Succeeded: false, null, null, null, ActionRow: input.ActionRow);
        if (vm is not null && vm.TaskState is null && vm.CurrentActionId == input.ActionId)
        {
            return new BeginOutcome(await TaskEnding.EndedEarlierAsync(log, time, notStarted, vm).ConfigureAwait(false));
        }

        if (!TaskLock.IsHeldBy(vm, input.TaskState, input.ActionId))
        {
            // Pre-empted (a hard delete, a reset) before it touched the hypervisor: the end records that.
            return new BeginOutcome(await TaskEnding.EndAsync(store, log, time, notStarted, vm).ConfigureAwait(false));
        }

        var started = time.GetUtcNow();
        var events = new List<ActionEvent> { new(ActionChange.StartedStep, started, "ok") };
        var command = new HypervisorCommand(vm.Id, vm.ExternalId, input.Action, vm.Name, vm.Size, vm.Image, vm.Tags, input.Parameters, input.ActionId);
        HypervisorOperation operation;
        try
        {
            operation = await driver.BeginAsync(command).ConfigureAwait(false);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "transient_error", ex.Message));
            await Record(started, events).ConfigureAwait(false);
            throw new TransientFailureException(ex.Message, ex);
        }
        catch (HypervisorException ex)
        {
            events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "error", ex.Message));
            return await End(new FinishInput(input, Succeeded: false, null, ex.Error, vm.ExternalId, events, input.ActionRow)).ConfigureAwait(false);
        }

        events.Add(new ActionEvent("hypervisor.begin", time.GetUtcNow(), "ok", operation.OperationId));
        if (operation.Done is { State: not OperationState.InProgress } done)
        {
            events.Add(Completed(done, time.GetUtcNow()));
            return await End(Ended(input, done, operation.ExternalId, events, input.ActionRow)).ConfigureAwait(false);
        }

        if (operation.PollAfter > TimeSpan.Zero)
        {
            return await Follow(operation.PollAfter).ConfigureAwait(false);
        }

        OperationProgress progress;
        try
        {
            progress = await Polling.PollAsync(driver, operation).ConfigureAwait(false);
        }
        catch (TransientFailureException)
        {
            // Begun: follow it from the orchestrator (whose polls retry) rather than begin it again.
            return await Follow(TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        if (progress.State == OperationState.InProgress)
        {
            return await Follow(progress.PollAfter ?? TimeSpan.FromSeconds(1)).ConfigureAwait(false);
        }

        events.Add(Completed(progress, time.GetUtcNow()));
        return await End(Ended(input, progress, operation.ExternalId, events, input.ActionRow)).ConfigureAwait(false);

        async Task<BeginOutcome> End(FinishInput finish)
        {
            try
            {
                finish = await TaskEnding.WithPowerAsync(driver, finish).ConfigureAwait(false);
                return new BeginOutcome(await TaskEnding.EndAsync(store, log, time, finish, vm).ConfigureAwait(false));
            }
            catch (TransientFailureException)
            {
                // The hypervisor part is over and must not run again: the finish step writes the outcome, with retries.
                return new BeginOutcome(Finish: finish);
            }
        }

        // Still under way: record the steps so far, and let the orchestrator poll it after `wait`.
        async Task<BeginOutcome> Follow(TimeSpan wait) =>
            new(Operation: operation, Wait: wait, ActionRow: await Record(started, events).ConfigureAwait(false));

        Task<ActionState> Record(DateTimeOffset startedAt, IReadOnlyList<ActionEvent> steps) => StoreCalls.Transient(() =>
            log.RecordAsync(input.VmId, input.ActionId, new ActionChange(startedAt, steps), input.ActionRow));
    }

    /// <summary>The history step of an operation that ended.</summary>
    internal static ActionEvent Completed(OperationProgress progress, DateTimeOffset at) => new(
        "hypervisor.complete",
        at,
        progress.State == OperationState.Succeeded ? "ok" : "error",
        progress.Error?.Message ?? progress.Power?.Detail);

    internal static FinishInput Ended(VmTaskInput input, OperationProgress progress, string externalId, IReadOnlyList<ActionEvent> events, ActionState? row) =>
        progress.State == OperationState.Succeeded
            ? new FinishInput(input, Succeeded: true, progress.Power, null, externalId, events, row)
            : new FinishInput(input, Succeeded: false, progress.Power,
                progress.Error ?? new HypervisorError("hypervisor_error", "The operation failed.", false, FailureKind.Started), externalId, events, row);
}
