namespace VmControl.Application.UseCases;

/// <summary>
/// Lock, unlock and the protection flags (docs/lifecycle.md §4). Not a task: the VM's row changes by compare-and-swap
/// whatever task is in flight (Nova locks a server mid-task too), and a lock or unlock is recorded in the history as
/// Nova records its instance actions. Anyone who may act on the VM may lock it; a lock an admin set is lifted by an
/// admin only (Nova's <c>locked_by: admin</c>). A change of the VM's labels (name, description, access addresses) rides
/// in the same compare-and-swap; like Nova's server update it is no task, no history entry, and a lock does not stop it.
/// </summary>
public sealed class ChangeSafeguards(IActionLog actions, RowChange rows)
{
    public async Task<CommandResult> ChangeAsync(SafeguardChange change, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (change.Lock == true && change.LockReason is not null && VmValidation.Text("reason", change.LockReason, 0, 255) is { } invalid)
        {
            return invalid;
        }

        if (change.Details?.Validate() is { } invalidDetails)
        {
            return invalidDetails;
        }

        return await rows.RunAsync(
            change.VmId,
            change.IfMatch,
            change.Caller,
            (vm, now) => vm.Locked && change.TouchesSafeguards && !change.Caller.IsAdmin && !IsOwnersUnlock(vm, change)
                ? (new CommandResult.Guarded(new SafeguardRefusal(Safeguard.Lock, Action: null, vm.LockedReason)), null)
                : (null, Apply(vm, change, now) is var changed && changed != vm ? changed : null),
            (before, after, now) => RecordAsync(before, after, change, now, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A non-admin may only lift a lock a non-admin set, and change nothing else while it holds.</summary>
    private static bool IsOwnersUnlock(VmRecord vm, SafeguardChange change) =>
        change is { Lock: false, DeleteProtection: null, StopProtection: null } && !vm.LockedByAdmin;

    private static VmRecord Apply(VmRecord vm, SafeguardChange change, DateTimeOffset now)
    {
        var next = (change.Details?.ApplyTo(vm) ?? vm) with
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
