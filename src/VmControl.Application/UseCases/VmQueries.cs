namespace VmControl.Application.UseCases;

/// <summary>The reads: one VM, a filtered page of VMs, one action, a VM's history. Ids are checked before any store call.</summary>
public sealed class VmQueries(IVmStore vms, IActionLog actions)
{
    public const int MaxLimit = 1000;

    public Task<VmRecord?> GetVmAsync(string vmId, CancellationToken cancellationToken = default) =>
        VmIds.IsValid(vmId) ? vms.GetAsync(vmId, cancellationToken) : Task.FromResult<VmRecord?>(null);

    /// <summary>A page of VMs; the caller has checked <see cref="VmQuery.Limit"/> (1-1000). A forged token throws <see cref="InvalidContinuationTokenException"/>.</summary>
    public Task<Page<VmRecord>> ListVmsAsync(VmQuery query, CancellationToken cancellationToken = default) =>
        vms.ListAsync(query, cancellationToken);

    public Task<ActionRecord?> GetActionAsync(string vmId, string actionId, CancellationToken cancellationToken = default) =>
        VmIds.IsValid(vmId) && ActionIds.IsValid(actionId)
            ? actions.GetAsync(vmId, actionId, cancellationToken)
            : Task.FromResult<ActionRecord?>(null);

    /// <summary>The VM's history, newest first; null when the VM was never created.</summary>
    public async Task<Page<ActionRecord>?> ListActionsAsync(string vmId, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        if (await GetVmAsync(vmId, cancellationToken).ConfigureAwait(false) is null)
        {
            return null;
        }

        return await actions.ListAsync(vmId, limit, continuationToken, cancellationToken).ConfigureAwait(false);
    }
}
