namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    /// <summary>
    /// True for an instance that brings in one machine a lifecycle event named (<see cref="SyncMachineAsync"/>) rather
    /// than running a pass: its writes move power only and leave the drift count alone.
    /// </summary>
    public bool SingleMachine { get; init; }

    /// <summary>
    /// One machine's fresh reading applied to its VM with the pass's own write (<see cref="WriteAsync"/>: compare-and-swap,
    /// one re-read after a lost swap, a newer stored reading wins). Not a pass: lifecycle.md §3 counts a mismatch on
    /// consecutive ticks, and a burst of events is not a run of ticks, so the drift count, alerts, heals and reclaims
    /// stay the timer pass's. Skipped: a machine no VM claims (unknown machines are the pass's), a tombstone, and a VM
    /// whose task is in flight (the event is most likely the task's own doing, the task records the power it leaves,
    /// and a write here would make the task's end lose its swap). Returns the VM as stored, or null when skipped or lost.
    /// </summary>
    public async Task<VmRecord?> SyncMachineAsync(PowerReading reading, CancellationToken cancellationToken)
    {
        if (!SingleMachine)
        {
            throw new InvalidOperationException("A pass counts drift: sync one machine on an instance made with SingleMachine.");
        }

        if (reading.VmId is not { } vmId || await vms.GetAsync(vmId, cancellationToken).ConfigureAwait(false) is not { } vm)
        {
            return null;
        }

        var claims = vm.ExternalId is not { } externalId || string.Equals(externalId, reading.ExternalId, StringComparison.Ordinal);
        if (!claims || vm.VmState == VmState.HardDeleted || vm.TaskState is not null)
        {
            return null;
        }

        VmsSeen++;
        return await WriteAsync(vm, reading, cancellationToken).ConfigureAwait(false);
    }

    private VmRecord Observe(VmRecord vm, PowerReading? machine) => SingleMachine
        ? DriftRule.ObservePower(vm, machine, now)
        : DriftRule.Observe(vm, machine, now, threshold, driver.Capabilities.DeallocatedReadsAsNoState);
}
