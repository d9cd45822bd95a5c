using VmControl.Application.UseCases;

namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    /// <summary>
    /// Nova's heal table (<c>_sync_instance_power_state</c>) as far as our lifecycle allows: active but shutdown or
    /// crashed → the ordinary <c>stop</c> task through the same lock. Nova's "force stop" of a stopped-but-running or
    /// paused-but-shutdown VM has no action in the lifecycle table (stop is allowed from active only), so those stay
    /// alerts (docs/power-sync.md).
    /// </summary>
    private async Task HealAsync(VmRecord vm, CancellationToken cancellationToken)
    {
        if (vm.VmState != VmState.Active || vm.PowerState is not (PowerState.Shutdown or PowerState.Crashed))
        {
            LogNotHealed(logger, vm.Id, vm.VmState.ToWire(), vm.PowerState.ToWire());
            return;
        }

        if (!await BudgetAllowsAsync(vm, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var result = await commands.RequestAction.RequestAsync(
            new ActionRequest(vm.Id, VmAction.Stop, Caller: PowerSyncSettings.Actor),
            cancellationToken).ConfigureAwait(false);
        if (result is CommandResult.Accepted accepted)
        {
            HealsStarted++;
            LogHealed(logger, vm.Id, accepted.Action.Id, VmAction.Stop.ToWire());
        }
        else
        {
            LogHealRefused(logger, vm.Id, Why(result));
        }
    }

    /// <summary>Nova's <c>reclaim_instance_interval</c>: a soft-deleted VM past the retention is hard-deleted through the same lock.</summary>
    private async Task ReclaimAsync(VmRecord vm, CancellationToken cancellationToken)
    {
        if (vm.VmState != VmState.SoftDeleted || settings.SoftDeleteRetention <= TimeSpan.Zero || vm.UpdatedAt + settings.SoftDeleteRetention > now)
        {
            return;
        }

        if (!await BudgetAllowsAsync(vm, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        var result = await commands.DeleteVm.DeleteAsync(vm.Id, ifMatch: null, PowerSyncSettings.Actor, cancellationToken).ConfigureAwait(false);
        if (result is CommandResult.Accepted accepted)
        {
            Reclaimed++;
            LogReclaimed(logger, vm.Id, accepted.Action.Id);
        }
        else
        {
            LogReclaimRefused(logger, vm.Id, Why(result));
        }
    }

    /// <summary>
    /// An automated start takes a token of the shared rate budget first; without one it waits for a later pass (the
    /// drift or the retention is still there then), never in a retry loop.
    /// </summary>
    private async Task<bool> BudgetAllowsAsync(VmRecord vm, CancellationToken cancellationToken)
    {
        var grant = await commands.Budget.TakeAsync(cancellationToken).ConfigureAwait(false);
        if (!grant.Granted)
        {
            Deferred++;
            LogDeferred(logger, vm.Id, commands.Budget.Scope.Value, grant.RetryAt);
        }

        return grant.Granted;
    }

    /// <summary>Why an automated action did not start: a locked or protected VM says which, so the log explains the skip.</summary>
    private static string Why(CommandResult result) => result switch
    {
        CommandResult.Guarded guarded => $"{guarded.Refusal.Code}: {guarded.Refusal.Message}",
        CommandResult.Refused refused => refused.Decision.Code.ToWire(),
        _ => result.GetType().Name,
    };
}
