namespace VmControl.Application.UseCases;

/// <summary>
/// The admin reset-state (Nova's os-resetState): vm_state to active or error, task_state cleared, the hypervisor
/// untouched. A task still running is terminated first (its action ends pre-empted), so the lock is free after.
/// </summary>
public sealed class ResetVmState(IVmStore vms, IActionLog actions, VmOpening opening, Preemption preemption, TimeProvider time)
{
    /// <summary>The wire name under which reset-state appears in the action history.</summary>
    public const string ActionName = "reset_state";

    public async Task<CommandResult> ResetAsync(ResetStateRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!WireNames.TryParse<VmState>(request.VmState, out var target) || !Lifecycle.ResetTargets.Contains(target))
        {
            return new CommandResult.Invalid("vmState", "vmState must be 'active' or 'error'.");
        }

        if (VmValidation.Text("reason", request.Reason, 1, 1024) is { } invalid)
        {
            return invalid;
        }

        var opened = await opening.OpenAsync(request.VmId, request.IfMatch, request.Actor, cancellationToken).ConfigureAwait(false);
        if (opened.Answered)
        {
            return opened.Answer;
        }

        var vm = opened.Vm;
        if (!Lifecycle.CanResetState(vm.Status))
        {
            return new CommandResult.Refused(new Decision.Refused(RefusalCode.VmDeleted, vm.VmState, vm.TaskState, []));
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        await preemption.PreemptAsync(vm, actionId, now).ConfigureAwait(false);

        var written = await vms.TryReplaceAsync(
            vm.With(Lifecycle.ResetState(vm.Status, target)) with { CurrentActionId = actionId, TaskDeadline = null, SizeBeforeResize = null, UpdatedAt = now },
            cancellationToken).ConfigureAwait(false);
        if (written is null)
        {
            // Someone wrote in between (a task ending, a power sync): the admin retries against the new state.
            var current = await vms.GetAsync(request.VmId, cancellationToken).ConfigureAwait(false);
            return new CommandResult.PreconditionFailed(current?.ETag);
        }

        var parameters = new Dictionary<string, string> { ["vmState"] = target.ToWire(), ["reason"] = request.Reason! };
        await actions.AppendAsync(
            ActionRecord.Completed(actionId, vm, ActionName, target, request.Actor.Name, now, parameters, new ActionEvent("state.reset", now, "ok", request.Reason)) with
            {
                RequestId = request.RequestId,
                TraceId = Telemetry.RequestTrace.Accepting(vm.Id, actionId),
            },
            cancellationToken).ConfigureAwait(false);
        return new CommandResult.Reset(written);
    }
}
