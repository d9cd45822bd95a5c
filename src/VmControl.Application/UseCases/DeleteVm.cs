using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>
/// Hard delete (docs/lifecycle.md §2): sets <c>deleting</c> over any task, terminates the running orchestration and
/// waits for it to end (bounded), marks the pre-empted action, then starts the delete under the same instance id.
/// A repeated delete answers with the delete already under way or done.
/// </summary>
public sealed class DeleteVm(
    IVmStore vms,
    IActionLog actions,
    IHypervisorDriver driver,
    VmOpening opening,
    Preemption preemption,
    TaskStarter starter,
    IOptions<TaskSettings> options,
    TimeProvider time)
{
    private readonly TaskLock taskLock = new(vms);
    private readonly TaskSettings settings = options.Value;

    public Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, Caller caller, CancellationToken cancellationToken = default) =>
        DeleteAsync(vmId, ifMatch, caller, requestId: null, cancellationToken);

    /// <summary>The hard delete, recording <paramref name="requestId"/> (the caller's request id) on the delete action.</summary>
    public async Task<CommandResult> DeleteAsync(string vmId, string? ifMatch, Caller caller, string? requestId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var opened = await opening.OpenAsync(vmId, ifMatch, VmAction.Delete, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Decision is Decision.AlreadyDeleting && opened.Vm is { } deleting)
        {
            return await RepeatedAsync(deleting, cancellationToken).ConfigureAwait(false);
        }

        if (opened.Answered)
        {
            return opened.Answer;
        }

        // No refusal to check: hard delete pre-empts any task (the one action allowed over a task in flight).
        if (driver.Refuses(VmAction.Delete) is { } unsupported)
        {
            return unsupported;
        }

        var now = time.GetUtcNow();
        var actionId = ActionIds.New(now);
        var forced = await taskLock.ForceDeletingAsync(vmId, actionId, now, now + settings.DeadlineOf(VmAction.Delete), cancellationToken)
            .ConfigureAwait(false);
        if (forced is not var (before, after))
        {
            var current = await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
            return current is null ? new CommandResult.NotFound(vmId) : await RepeatedAsync(current, cancellationToken).ConfigureAwait(false);
        }

        await preemption.PreemptAsync(before, actionId, now).ConfigureAwait(false);
        return await starter.RecordAndStartAsync(
            new TaskStart(after, VmAction.Delete, actionId, before.VmState, new Dictionary<string, string>(), caller.Name, requestId, now),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandResult> RepeatedAsync(VmRecord vm, CancellationToken cancellationToken)
    {
        var action = vm.CurrentActionId is { } id ? await actions.GetAsync(vm.Id, id, cancellationToken).ConfigureAwait(false) : null;
        return new CommandResult.AlreadyDeleting(vm, action, Finished: vm.VmState == VmState.HardDeleted);
    }
}
