namespace VmControl.Application.PowerSync;

/// <summary>
/// The pure part of a pass for one VM: the record as it should be stored after an observation (the same instance
/// when nothing changes, so the pass writes only changed VMs), and whether the VM is drifting.
/// </summary>
internal static class DriftRule
{
    /// <summary>The detail stored when the driver lists no machine for the VM.</summary>
    public const string MissingDetail = "not_found";

    /// <summary>Whether the vm_state says a machine must exist (docs/lifecycle.md §3 "a VM the hypervisor no longer has").</summary>
    // An error VM is excluded: its power may be anything (§3's table), and a failed create leaves none.
    public static bool ExpectsMachine(VmState state) =>
        state is not (VmState.Initialized or VmState.SoftDeleted or VmState.HardDeleted or VmState.Error);

    public static bool IsMissing(VmRecord vm, PowerReading? machine) =>
        machine is null && vm.TaskState is null && ExpectsMachine(vm.VmState);

    /// <summary>Applies the observation; <paramref name="listedAt"/> stands in for the observation time of a missing machine.</summary>
    public static VmRecord Observe(VmRecord vm, PowerReading? machine, DateTimeOffset listedAt, int threshold, bool deallocatedReadsAsNoState)
    {
        var observedAt = machine?.ObservedAt ?? listedAt;
        var next = ObservePower(vm, machine, listedAt);
        var drifting = IsDrifting(next, machine, deallocatedReadsAsNoState);
        var passes = drifting ? Math.Min(vm.DriftPasses + 1, threshold) : 0;
        DateTimeOffset? since = drifting ? vm.DriftSince ?? observedAt : null;
        if (passes != vm.DriftPasses || since != vm.DriftSince)
        {
            next = next with { DriftPasses = passes, DriftSince = since };
        }

        return next;
    }

    /// <summary>
    /// The power part of <see cref="Observe"/> alone: power_state, its detail and observed time, unless the stored
    /// reading is newer. The drift count is left as it is (a lifecycle event is not a pass).
    /// </summary>
    public static VmRecord ObservePower(VmRecord vm, PowerReading? machine, DateTimeOffset listedAt)
    {
        var power = machine?.PowerState ?? PowerState.NoState;
        var detail = machine is null ? MissingDetail : machine.Detail;
        var observedAt = machine?.ObservedAt ?? listedAt;

        // A task's activity (or an event) may have read the hypervisor after our read: its newer reading wins.
        var newer = vm.PowerStateObservedAt is { } stored && stored > observedAt;
        return !newer && (vm.PowerState != power || !string.Equals(vm.PowerStateDetail, detail, StringComparison.Ordinal))
            ? vm with { PowerState = power, PowerStateDetail = detail, PowerStateObservedAt = observedAt }
            : vm;
    }

    /// <summary>Idle and either inconsistent with its vm_state or missing on the hypervisor.</summary>
    public static bool IsDrifting(VmRecord vm, PowerReading? machine, bool deallocatedReadsAsNoState) =>
        vm.TaskState is null
        && (IsMissing(vm, machine) || !PowerConsistency.IsConsistent(vm.Status, vm.PowerState, deallocatedReadsAsNoState));

    public static bool PowerDiffers(VmRecord listed, VmRecord next) =>
        listed.PowerState != next.PowerState || !string.Equals(listed.PowerStateDetail, next.PowerStateDetail, StringComparison.Ordinal);
}
