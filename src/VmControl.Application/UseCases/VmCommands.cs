using Microsoft.Extensions.Logging;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.Tasks;
using VmControl.Domain;

namespace VmControl.Application.UseCases;

/// <summary>
/// The commands: create, request an action, hard delete, reset-state. Order inside a request: validate → lifecycle
/// <see cref="Lifecycle.Decide"/> → driver capability → claim task_state by compare-and-swap → record the action →
/// start the orchestration. A start that fails releases the claim: nothing stays half-claimed.
/// </summary>
public sealed partial class VmCommands(
    IVmStore vms,
    IActionLog actions,
    ITaskLauncher launcher,
    IHypervisorDriver driver,
    TaskSettings settings,
    TimeProvider time,
    ILogger<VmCommands> logger)
{
    public async Task<CommandResult> CreateAsync(CreateVmRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (VmValidation.Create(request) is { } invalid)
        {
            return invalid;
        }

        if (!driver.Capabilities.Supports(VmAction.Create))
        {
            return Unsupported(VmAction.Create);
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var parameters = request.Placement ?? new Dictionary<string, string>();

        // Born claimed: the record is created with task_state spawning, so no other task can slip in before the build.
        var vm = await vms.CreateAsync(
            new VmRecord
            {
                Id = VmIds.New(),
                Name = request.Name!,
                Size = request.Size!,
                Image = request.Image!,
                Tags = request.Tags ?? new Dictionary<string, string>(),
                TaskState = TaskState.Spawning,
                CurrentActionId = actionId,
                TaskDeadline = now + settings.DeadlineOf(VmAction.Create),
                Driver = driver.Name,
                ExternalId = parameters.GetValueOrDefault("resourceId"),
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);

        return await RecordAndStart(vm, VmAction.Create, actionId, VmState.Initialized, parameters, request.RequestedBy, request.RequestId, now, cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<CommandResult> RequestActionAsync(ActionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Action == VmAction.Delete)
        {
            return await DeleteAsync(request.VmId, request.IfMatch, request.RequestedBy, request.RequestId, cancellationToken).ConfigureAwait(false);
        }

        var parameters = request.Parameters ?? new Dictionary<string, string>();
        if (ActionParameters.Validate(request.Action, parameters) is { } invalid)
        {
            return invalid;
        }

        var vm = VmIds.IsValid(request.VmId) ? await vms.GetAsync(request.VmId, cancellationToken).ConfigureAwait(false) : null;
        if (vm is null)
        {
            return new CommandResult.NotFound(request.VmId);
        }

        if (request.IfMatch is not null && request.IfMatch != vm.ETag)
        {
            return new CommandResult.PreconditionFailed(vm.ETag);
        }

        if (Lifecycle.Decide(vm.Status, request.Action) is Decision.Refused refused)
        {
            return new CommandResult.Refused(refused);
        }

        if (!driver.Capabilities.Supports(request.Action))
        {
            return Unsupported(request.Action);
        }

        if (ActionParameters.ValidateAgainst(request.Action, parameters, vm) is { } conflicting)
        {
            return conflicting;
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var task = LifecycleTable.For(request.Action).TaskState;
        var claimed = await vms.TryClaimTaskAsync(vm, task, actionId, now, now + settings.DeadlineOf(request.Action), cancellationToken)
            .ConfigureAwait(false);
        if (claimed is null)
        {
            return await LostRace(request.VmId, request.Action, cancellationToken).ConfigureAwait(false);
        }

        return await RecordAndStart(claimed, request.Action, actionId, vm.VmState, parameters, request.RequestedBy, request.RequestId, now, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<CommandResult> RecordAndStart(
        VmRecord vm,
        VmAction action,
        string actionId,
        VmState before,
        IReadOnlyDictionary<string, string> parameters,
        string requestedBy,
        string? requestId,
        DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var task = LifecycleTable.For(action).TaskState;
        var record = new ActionRecord
        {
            Id = actionId,
            VmId = vm.Id,
            Action = action.ToWire(),
            TaskState = task,
            RequestedAt = now,
            RequestedBy = requestedBy,
            RequestId = requestId,
            TraceId = Telemetry.RequestTrace.Accepting(vm.Id, actionId),
            Parameters = parameters,
            VmStateBefore = before,
        };
        // From here on the VM is claimed: a caller that goes away (or times out) must not leave the claim behind with no
        // task to clear it, so the rest runs to its end whatever the request's token says (it is bounded by the waits).
        _ = cancellationToken;
        ActionState row;
        try
        {
            row = await actions.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (StoreUnavailableException)
        {
            // No record, no task: give the claim back if the store lets us, so the VM is not left busy for good.
            await TryUnclaim(vm.Id, task, actionId).ConfigureAwait(false);
            throw;
        }

        var input = new VmTaskInput(vm.Id, actionId, action, task, parameters, vm.TaskDeadline ?? now + settings.DeadlineOf(action), row);
        StartOutcome started;
        try
        {
            started = await StartWhenLockFreesAsync(input, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            LogStartFailed(logger, ex, vm.Id, actionId, action.ToWire());
            await Release(vm.Id, task, actionId, "start_failed", "The task's orchestration could not be started.").ConfigureAwait(false);
            throw new StoreUnavailableException("The task's orchestration could not be started.", ex);
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
            await Release(vm.Id, task, actionId, "task_in_progress", "Another task's orchestration is still running.").ConfigureAwait(false);
            return await LostRace(vm.Id, action, cancellationToken).ConfigureAwait(false);
        }

        LogAccepted(logger, vm.Id, actionId, action.ToWire());
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
                if (recheck && !(await vms.GetAsync(input.VmId, cancellationToken).ConfigureAwait(false)).IsClaimedBy(input.TaskState, input.ActionId))
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

    private async Task TryUnclaim(string vmId, TaskState task, string actionId)
    {
        try
        {
            await vms.UpdateIfTaskAsync(vmId, task, actionId, v => v with { TaskState = null, TaskDeadline = null, UpdatedAt = time.GetUtcNow() }, CancellationToken.None)
                .ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            // Still down: the reconciliation pass reports the orphaned task_state (docs/lifecycle.md §3).
            LogUnclaimFailed(logger, ex, vmId, actionId);
        }
    }

    private async Task Release(string vmId, TaskState task, string actionId, string code, string message)
    {
        // CancellationToken.None: the claim must be released even when the caller has gone.
        var now = time.GetUtcNow();
        await vms.UpdateIfTaskAsync(vmId, task, actionId, v => v with { TaskState = null, TaskDeadline = null, UpdatedAt = now }, CancellationToken.None)
            .ConfigureAwait(false);
        await actions.FinishAsync(vmId, actionId, ActionStatus.Failed, null, new ActionError(code, message), now, CancellationToken.None)
            .ConfigureAwait(false);
    }

    private async Task<CommandResult> LostRace(string vmId, VmAction action, CancellationToken cancellationToken)
    {
        var now = await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
        if (now is null)
        {
            return new CommandResult.NotFound(vmId);
        }

        return Lifecycle.Decide(now.Status, action) is Decision.Refused refused
            ? new CommandResult.Refused(refused)
            : new CommandResult.Refused(new Decision.Refused(RefusalCode.TaskInProgress, now.VmState, now.TaskState, Lifecycle.AllowedActions(now.Status)));
    }

    private CommandResult.Unsupported Unsupported(VmAction action) =>
        new(action, driver.Name, driver.Capabilities.Unsupported.GetValueOrDefault(action, "The driver cannot do this action."));

    [LoggerMessage(EventId = 1, Level = LogLevel.Information, Message = "Accepted {Action} on VM {VmId} (action {ActionId})")]
    private static partial void LogAccepted(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Could not give back the claim of action {ActionId} on VM {VmId}; its task_state stays until reset")]
    private static partial void LogUnclaimFailed(ILogger logger, Exception exception, string vmId, string actionId);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Could not start {Action} on VM {VmId} (action {ActionId}); claim released")]
    private static partial void LogStartFailed(ILogger logger, Exception exception, string vmId, string actionId, string action);
}
