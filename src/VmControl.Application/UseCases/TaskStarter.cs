using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>
/// The second half of every command that starts a task, after the VM is claimed: record the action, start the VM's
/// orchestration, and give the claim back when the start fails, so nothing stays half-claimed. A storage failure
/// leaves as <see cref="StoreUnavailableException"/> (503); any other failure is a bug, logged with its stack and
/// rethrown as it was (500). Giving the claim back may fail too; that is logged and never hides the first failure.
/// </summary>
public sealed partial class TaskStarter(
    IVmStore vms,
    IActionLog actions,
    ITaskLauncher launcher,
    VmOpening opening,
    IOptions<TaskSettings> options,
    TimeProvider time,
    ILogger<TaskStarter> logger)
{
    private readonly TaskLock taskLock = new(vms);
    private readonly TaskSettings settings = options.Value;

    public async Task<CommandResult> RecordAndStartAsync(TaskStart start, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(start);
        var (vm, action, actionId) = (start.Vm, start.Action, start.ActionId);
        var task = LifecycleTable.For(action).TaskState;
        var record = new ActionRecord
        {
            Id = actionId,
            VmId = vm.Id,
            Project = vm.Project,
            Action = action.ToWire(),
            TaskState = task,
            RequestedAt = start.Now,
            RequestedBy = start.RequestedBy,
            RequestId = start.RequestId,
            TraceId = Telemetry.RequestTrace.Accepting(vm.Id, actionId),
            Parameters = start.Parameters,
            VmStateBefore = start.VmStateBefore,
        };

        // From here on the VM is claimed: a caller that goes away (or times out) must not leave the claim behind with no
        // task to clear it, so the rest runs to its end whatever the request's token says (it is bounded by the waits).
        ActionState row;
        try
        {
            row = await actions.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // No record, no task: give the claim back if the store lets us, so the VM is not left busy for good.
            LogRecordFailed(logger, ex, vm.Id, actionId, record.Action);
            await TryReleaseAsync(vm.Id, task, actionId, failAction: null).ConfigureAwait(false);
            throw;
        }

        var input = new VmTaskInput(vm.Id, actionId, action, task, start.Parameters, vm.TaskDeadline ?? start.Now + settings.DeadlineOf(action), row);
        StartOutcome started;
        try
        {
            started = await StartWhenLockFreesAsync(input, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, ex, vm.Id, actionId, record.Action);
            await TryReleaseAsync(vm.Id, task, actionId, new ActionError("start_failed", "The task's orchestration could not be started.")).ConfigureAwait(false);
            throw;
        }

        if (started == StartOutcome.Preempted)
        {
            // Accepted, then pre-empted by a hard delete before it ran: end its record here (the delete may have found
            // no record to end yet), and answer as accepted, since the history shows this action.
            var preemptedAt = time.GetUtcNow();
            var error = new ActionError("preempted", "A hard delete pre-empted the task before it started.");
            await actions.RecordAsync(vm.Id, actionId, new ActionChange(End: new ActionEnd(ActionStatus.Preempted, null, error, preemptedAt)), row, CancellationToken.None)
                .ConfigureAwait(false);
            return new CommandResult.Accepted(vm, record);
        }

        if (started == StartOutcome.Busy)
        {
            // The orchestration of an earlier task has not ended yet (it is still the lock): refuse like a busy VM.
            await ReleaseAsync(vm.Id, task, actionId, new ActionError("task_in_progress", "Another task's orchestration is still running.")).ConfigureAwait(false);
            return await opening.LostRaceAsync(vm.Id, action, cancellationToken).ConfigureAwait(false);
        }

        LogAccepted(logger, vm.Id, actionId, record.Action);
        return new CommandResult.Accepted(vm, record);
    }

    // The previous task cleared task_state in its last activity, but its orchestration instance stays Running until
    // the engine checkpoints that episode (milliseconds to a few hundred). We hold the VM's claim, so nothing else can
    // start in between: wait a bounded hand-over for the instance to end rather than refuse a request the record allows.
    // Before each later attempt, the claim is checked again: a hard delete may have taken the VM meanwhile (it pre-empts
    // without the compare-and-swap), and then this task must not start at all. The first attempt follows the claim by
    // milliseconds and skips that read: a delete that slipped in between finds this task's instance running and
    // terminates it (the delete's own start loop), and the task's first step finds the VM no longer its own.
    private async Task<StartOutcome> StartWhenLockFreesAsync(VmTaskInput input, CancellationToken cancellationToken)
    {
        // A hard delete holds `deleting`: any instance still running under the VM's id is a task it pre-empted (one that
        // started after the delete's terminate), so the delete terminates it again and waits longer, rather than give up.
        var isDelete = input.Action == VmAction.Delete;
        var until = time.GetUtcNow() + settings.LockHandoverWait + (isDelete ? settings.PreemptWait : TimeSpan.Zero);
        for (var attempt = 0; ; attempt++)
        {
            var recheck = attempt > 0;
            var outcome = await StartGate.RunAsync(input.VmId, async () =>
            {
                if (recheck && !TaskLock.IsHeldBy(await vms.GetAsync(input.VmId, cancellationToken).ConfigureAwait(false), input.TaskState, input.ActionId))
                {
                    return StartOutcome.Preempted;
                }

                return await launcher.TryStartAsync(input, cancellationToken).ConfigureAwait(false) ? StartOutcome.Started : StartOutcome.Busy;
            }, cancellationToken).ConfigureAwait(false);
            if (outcome != StartOutcome.Busy)
            {
                return outcome;
            }

            if (time.GetUtcNow() >= until)
            {
                return StartOutcome.Busy;
            }

            if (isDelete)
            {
                await launcher.TerminateAndWaitAsync(input.VmId, $"Pre-empted by hard delete {input.ActionId}.", TimeSpan.FromSeconds(2), cancellationToken)
                    .ConfigureAwait(false);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(25), time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Releases after a failure: a failure of the release itself is logged, never thrown over the first one. A store
    /// that does not answer (often the very failure that brought us here) is waited out for
    /// <see cref="TaskSettings.ReleaseRetryWindow"/>: a claim left with no record or no task keeps the VM busy for good.
    /// </summary>
    private async Task TryReleaseAsync(string vmId, TaskState task, string actionId, ActionError? failAction)
    {
        var until = time.GetUtcNow() + settings.ReleaseRetryWindow;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await ReleaseAsync(vmId, task, actionId, failAction).ConfigureAwait(false);
                return;
            }
            catch (StoreUnavailableException) when (time.GetUtcNow() < until)
            {
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(attempt, 5)), time, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // Still failing: the reconciliation pass reports the orphaned task_state (docs/lifecycle.md §3).
                LogReleaseFailed(logger, ex, vmId, actionId);
                return;
            }
        }
    }

    private async Task ReleaseAsync(string vmId, TaskState task, string actionId, ActionError? failAction)
    {
        // CancellationToken.None: the claim must be released even when the caller has gone.
        var now = time.GetUtcNow();
        await taskLock.ReleaseAsync(vmId, task, actionId, now, CancellationToken.None).ConfigureAwait(false);
        if (failAction is not null)
        {
            await actions.FinishAsync(vmId, actionId, ActionStatus.Failed, null, failAction, now, CancellationToken.None).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 301, Level = LogLevel.Information, Message = "Accepted {Action} on VM {VmId} (action {ActionId})")]
    private static partial void LogAccepted(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 302, Level = LogLevel.Error, Message = "Could not start {Action} on VM {VmId} (action {ActionId}); releasing the claim")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 303, Level = LogLevel.Error, Message = "Could not record {Action} on VM {VmId} (action {ActionId}); releasing the claim")]
    private static partial void LogRecordFailed(ILogger logger, Exception exception, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 304, Level = LogLevel.Error, Message = "Could not give back the claim of action {ActionId} on VM {VmId}; its task_state stays until reset")]
    private static partial void LogReleaseFailed(ILogger logger, Exception exception, string vmId, string actionId);
}
