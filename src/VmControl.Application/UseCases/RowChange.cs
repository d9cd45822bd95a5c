namespace VmControl.Application.UseCases;

/// <summary>
/// The loop of a change to a VM's row that is not a task (lock and protection, tags): open the VM for the caller
/// (project, <c>If-Match</c>), refuse a tombstone, let the change refuse or decide, and write by compare-and-swap;
/// a lost swap decides again on the VM as it is then, unless the caller named a version (412).
/// </summary>
public sealed class RowChange(IVmStore vms, VmOpening opening, TimeProvider time)
{
    private const int MaxRounds = 5;

    /// <param name="decide">A refusal, or the VM as it should be (null: nothing to change), from the VM as read and the time.</param>
    /// <param name="written">What to do once the write landed (before, after, time), e.g. record it in the history.</param>
    public async Task<CommandResult> RunAsync(
        string vmId,
        string? ifMatch,
        Caller caller,
        Func<VmRecord, DateTimeOffset, (CommandResult? Refusal, VmRecord? Next)> decide,
        Func<VmRecord, VmRecord, DateTimeOffset, Task>? written,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(decide);
        for (var round = 0; round < MaxRounds; round++)
        {
            var opened = await opening.OpenAsync(vmId, ifMatch, caller, cancellationToken).ConfigureAwait(false);
            if (opened.Answered)
            {
                return opened.Answer;
            }

            var vm = opened.Vm;
            if (vm.VmState == VmState.HardDeleted)
            {
                return new CommandResult.Refused(new Decision.Refused(RefusalCode.VmDeleted, vm.VmState, vm.TaskState, []));
            }

            var now = time.GetUtcNow();
            var (refusal, next) = decide(vm, now);
            if (refusal is not null)
            {
                return refusal;
            }

            if (next is null)
            {
                return new CommandResult.Updated(vm);
            }

            if (await vms.TryReplaceAsync(next with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false) is { } stored)
            {
                if (written is not null)
                {
                    await written(vm, stored, now).ConfigureAwait(false);
                }

                return new CommandResult.Updated(stored);
            }

            if (ifMatch is not null)
            {
                // The caller named a version and another write (a task step, a power-sync pass) moved past it.
                var current = await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false);
                return new CommandResult.PreconditionFailed(current?.ETag);
            }
        }

        throw new StoreUnavailableException($"VM {vmId} kept changing under {MaxRounds} rounds.");
    }
}
