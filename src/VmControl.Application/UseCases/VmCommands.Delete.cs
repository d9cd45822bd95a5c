using Microsoft.Extensions.Logging;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;

namespace VmControl.Application.UseCases;

public sealed partial class VmCommands
{
    /// <summary>
    /// Hard delete (docs/lifecycle.md §2): sets <c>deleting</c> over any task, terminates the running orchestration and
    /// waits for it to end (bounded), marks the pre-empted action, then starts the delete under the same instance id.
    /// A repeated delete answers with the delete already under way or done.
    /// </summary>
    public Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, string requestedBy, CancellationToken cancellationToken = default) =>
        DeleteAsync(vmId, ifMatch, requestedBy, requestId: null, cancellationToken);

    /// <summary>The hard delete, recording <paramref name="requestId"/> (the caller's request id) on the delete action.</summary>
    public async Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, string requestedBy, string? requestId, CancellationToken cancellationToken)
    {
        var vm = VmIds.IsValid(vmId) ? await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false) : null;
        if (vm is null)
        {
            return new CommandResult.NotFound(vmId);
        }

        if (Lifecycle.Decide(vm.Status, VmAction.Delete) is Decision.AlreadyDeleting)
        {
            return await Repeated(vm, cancellationToken).ConfigureAwait(false);
        }

        if (ifMatch is not null && ifMatch != vm.ETag)
        {
            return new CommandResult.PreconditionFailed(vm.ETag);
        }

        if (!driver.Capabilities.Supports(VmAction.Delete))
        {
            return Unsupported(VmAction.Delete);
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var forced = await vms.ForceDeletingAsync(vmId, actionId, now, now + settings.DeadlineOf(VmAction.Delete), cancellationToken)
            .ConfigureAwait(false);
        if (forced is not var (before, after))
        {
            var current = await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
            return current is null ? new CommandResult.NotFound(vmId) : await Repeated(current, cancellationToken).ConfigureAwait(false);
        }

        await Preempt(before, actionId, now).ConfigureAwait(false);
        return await RecordAndStart(after, VmAction.Delete, actionId, before.VmState, new Dictionary<string, string>(), requestedBy, requestId, now, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task Preempt(VmRecord before, string deleteActionId, DateTimeOffset now)
    {
        // Even an idle VM may still have an orchestration finishing its last write; it must end before the delete starts.
        var ended = await launcher.TerminateAndWaitAsync(before.Id, $"Pre-empted by hard delete {deleteActionId}.", settings.PreemptWait, CancellationToken.None)
            .ConfigureAwait(false);
        // The pre-empted request claims the VM before it writes its action record: when the record is not there yet
        // (or has already ended), leave it to that task, whose orchestration finds task_state no longer its own and
        // records the pre-emption itself. Writing to a missing record threw here: a 500, and the VM stuck in deleting.
        if (before.TaskState is not null && before.CurrentActionId is { } preempted
            && await actions.GetAsync(before.Id, preempted, CancellationToken.None).ConfigureAwait(false) is { Status: ActionStatus.Running })
        {
            var error = new ActionError("preempted", $"Pre-empted by hard delete {deleteActionId}.");
            await actions.RecordAsync(before.Id, preempted, new ActionChange(End: new ActionEnd(ActionStatus.Preempted, null, error, now)), known: null, CancellationToken.None)
                .ConfigureAwait(false);
            LogPreempted(logger, before.Id, preempted, deleteActionId, ended);
        }
    }

    private async Task<CommandResult> Repeated(VmRecord vm, CancellationToken cancellationToken)
    {
        var action = vm.CurrentActionId is { } id ? await actions.GetAsync(vm.Id, id, cancellationToken).ConfigureAwait(false) : null;
        return new CommandResult.AlreadyDeleting(vm, action, Finished: vm.VmState == VmState.HardDeleted);
    }

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Hard delete {DeleteActionId} pre-empted action {ActionId} on VM {VmId} (orchestration ended: {Ended})")]
    private static partial void LogPreempted(ILogger logger, string vmId, string actionId, string deleteActionId, bool ended);
}
