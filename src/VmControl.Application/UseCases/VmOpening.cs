namespace VmControl.Application.UseCases;

/// <summary>
/// The opening every command on an existing VM shares: read the VM (404 when there is none or the caller's project does
/// not see it), check the safeguards (409 when locked or protected), check <c>If-Match</c> (412 when the VM moved on),
/// and ask the lifecycle. The caller acts on the decision, since each command answers a refusal its own way (a hard
/// delete pre-empts, a reset has its own rule).
/// </summary>
public sealed class VmOpening(IVmStore vms)
{
    /// <summary>The opening without a lifecycle decision or safeguards (reset-state and the lock have their own rules).</summary>
    public async Task<Opening> OpenAsync(string vmId, string? ifMatch, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var vm = VmIds.IsValid(vmId) ? await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false) : null;
        if (vm is null || !caller.Sees(vm.Project))
        {
            return new Opening(null, null, new CommandResult.NotFound(vmId));
        }

        return ifMatch is not null && ifMatch != vm.ETag
            ? new Opening(vm, null, new CommandResult.PreconditionFailed(vm.ETag))
            : new Opening(vm, null, null);
    }

    /// <summary>
    /// The opening for <paramref name="action"/>. A repeated delete is decided before <c>If-Match</c>: it answers with
    /// the delete already under way whatever ETag the caller saw (the delete itself changed it).
    /// </summary>
    public async Task<Opening> OpenAsync(string vmId, string? ifMatch, VmAction action, Caller caller, CancellationToken cancellationToken)
    {
        var opened = await OpenAsync(vmId, ifMatch: null, caller, cancellationToken).ConfigureAwait(false);
        if (opened.Answered)
        {
            return opened;
        }

        if (Safeguards.Check(opened.Vm.Safeguards, action, caller.IsAdmin) is { } guarded)
        {
            return opened with { Answer = new CommandResult.Guarded(guarded) };
        }

        var decision = Lifecycle.Decide(opened.Vm.Status, action);
        if (decision is not Decision.AlreadyDeleting && ifMatch is not null && ifMatch != opened.Vm.ETag)
        {
            return new Opening(opened.Vm, decision, new CommandResult.PreconditionFailed(opened.Vm.ETag));
        }

        return opened with { Decision = decision };
    }

    /// <summary>
    /// The answer to a request that lost the race for the lock: the VM read again, refused as the lifecycle refuses it
    /// now, or as busy when the lifecycle would allow it (the winner's task has not ended yet).
    /// </summary>
    public async Task<CommandResult> LostRaceAsync(string vmId, VmAction action, CancellationToken cancellationToken)
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
}
