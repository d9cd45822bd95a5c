namespace VmControl.Application.UseCases;

/// <summary>
/// Lock, unlock and the protection flags (docs/lifecycle.md §4). Not a task: the VM's row changes by compare-and-swap
/// whatever task is in flight (Nova locks a server mid-task too), and a lock or unlock is recorded in the history as
/// Nova records its instance actions. Anyone who may act on the VM may lock it; a lock an admin set is lifted by an
/// admin only (Nova's <c>locked_by: admin</c>).
/// </summary>
public sealed class ChangeSafeguards(IVmStore vms, IActionLog actions, VmOpening opening, TimeProvider time)
{
    private const int MaxRounds = 5;

    public async Task<CommandResult> ChangeAsync(SafeguardChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Lock == true && change.LockReason is not null && VmValidation.Text("reason", change.LockReason, 0, 255) is { } invalid)
        {
            return invalid;
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var opened = await opening.OpenAsync(change.VmId, change.IfMatch, change.Caller, cancellationToken).ConfigureAwait(false);
            if (opened.Answered)
            {
                return opened.Answer;
            }

            var vm = opened.Vm;
            if (vm.VmState == VmState.HardDeleted)
            {
                return new CommandResult.Refused(new Decision.Refused(RefusalCode.VmDeleted, vm.VmState, vm.TaskState, []));
            }

            if (vm.Locked && !change.Caller.IsAdmin && !IsOwnersUnlock(vm, change))
            {
                return new CommandResult.Guarded(new SafeguardRefusal(Safeguard.Lock, Action: null, vm.LockedReason));
            }

            var now = time.GetUtcNow();
            var changed = Apply(vm, change, now);
            if (changed == vm)
            {
                return new CommandResult.Updated(vm);
            }

            var written = await vms.TryReplaceAsync(changed with { UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            if (written is not null)
            {
                await RecordAsync(vm, written, change, now, cancellationToken).ConfigureAwait(false);
                return new CommandResult.Updated(written);
            }

            if (change.IfMatch is not null)
            {
                // The caller named a version and another write (a task step, a power-sync pass) moved past it.
                var current = await vms.GetAsync(change.VmId, cancellationToken).ConfigureAwait(false);
                return new CommandResult.PreconditionFailed(current?.ETag);
            }
        }

        throw new StoreUnavailableException($"VM {change.VmId} kept changing under {MaxRounds} rounds.");
    }

    /// <summary>A non-admin may only lift a lock a non-admin set, and change nothing else while it holds.</summary>
    private static bool IsOwnersUnlock(VmRecord vm, SafeguardChange change) =>
        change is { Lock: false, DeleteProtection: null, StopProtection: null } && !vm.LockedByAdmin;

    private static VmRecord Apply(VmRecord vm, SafeguardChange change, DateTimeOffset now)
    {
        var next = vm with
        {
            DeleteProtection = change.DeleteProtection ?? vm.DeleteProtection,
            StopProtection = change.StopProtection ?? vm.StopProtection,
        };
        return change.Lock switch
        {
            true => next with
            {
                Locked = true,
                LockedReason = string.IsNullOrEmpty(change.LockReason) ? null : change.LockReason,
                LockedBy = change.Caller.Name,
                LockedByAdmin = change.Caller.IsAdmin,
                LockedAt = now,
            },
            false when vm.Locked => next with { Locked = false, LockedReason = null, LockedBy = null, LockedByAdmin = false, LockedAt = null },
            _ => next,
        };
    }

    /// <summary>A lock or unlock joins the history (Nova lists both as instance actions); a flag change is on the VM itself.</summary>
    private async Task RecordAsync(VmRecord before, VmRecord after, SafeguardChange change, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (before.Locked == after.Locked && before.LockedReason == after.LockedReason)
        {
            return;
        }

        var name = after.Locked ? "lock" : "unlock";
        var parameters = after.LockedReason is { } reason ? new Dictionary<string, string> { ["reason"] = reason } : [];
        await actions.AppendAsync(
            ActionRecord.Completed(
                ActionIds.New(now), before, name, after.VmState, change.Caller.Name, now, parameters, new ActionEvent("vm." + name, now, "ok", after.LockedReason)),
            cancellationToken).ConfigureAwait(false);
    }
}
