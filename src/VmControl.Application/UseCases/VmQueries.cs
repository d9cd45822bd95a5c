namespace VmControl.Application.UseCases;

/// <summary>
/// The reads: one VM, a filtered page of VMs, one action, a VM's history. Ids are checked before any store call. A VM
/// of a project the caller does not see reads as absent (Nova answers another tenant's server with 404, not 403).
/// </summary>
public sealed class VmQueries(IVmStore vms, IActionLog actions)
{
    public const int MaxLimit = 1000;

    public async Task<VmRecord?> GetVmAsync(string vmId, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var vm = VmIds.IsValid(vmId) ? await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false) : null;
        return vm is not null && caller.Sees(vm.Project) ? vm : null;
    }

    /// <summary>
    /// A page of VMs; the caller has checked <see cref="VmQuery.Limit"/> (1-1000). A caller who sees one project gets
    /// that project's VMs whatever the query names. A forged token throws <see cref="InvalidContinuationTokenException"/>.
    /// </summary>
    public Task<Page<VmRecord>> ListVmsAsync(VmQuery query, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(caller);
        return vms.ListAsync(caller.IsAdmin || caller.IsSystem ? query : query with { Project = caller.Project }, cancellationToken);
    }

    public async Task<ActionRecord?> GetActionAsync(string vmId, string actionId, Caller caller, CancellationToken cancellationToken = default)
    {
        if (!ActionIds.IsValid(actionId) || await GetVmAsync(vmId, caller, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await actions.GetAsync(vmId, actionId, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The VM's history, newest first; null when the VM was never created or is not the caller's to see.</summary>
    public async Task<Page<ActionRecord>?> ListActionsAsync(string vmId, Caller caller, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (await GetVmAsync(vmId, caller, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await actions.ListAsync(vmId, limit, continuationToken, cancellationToken).ConfigureAwait(false);
    }
}
