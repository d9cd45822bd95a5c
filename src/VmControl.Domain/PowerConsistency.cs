namespace VmControl.Domain;

/// <summary>The reconciliation rule of docs/lifecycle.md §3: which power states agree with a vm_state.</summary>
public static class PowerConsistency
{
    private static readonly PowerState[] Any = Enum.GetValues<PowerState>();

    /// <summary>The power states consistent with the VM's vm_state when no task is in flight.</summary>
    /// <param name="vm">The VM.</param>
    /// <param name="deallocatedReadsAsNoState">True for a driver that reports a deallocated (stopped) VM as nostate.</param>
    public static IReadOnlyList<PowerState> ExpectedPowerStates(VmStatus vm, bool deallocatedReadsAsNoState = false)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.VmState switch
        {
            VmState.Initialized => [PowerState.NoState],
            VmState.Active or VmState.Rescued => [PowerState.Running],
            VmState.Paused => [PowerState.Paused],
            VmState.Suspended => [PowerState.Suspended, PowerState.Shutdown],
            VmState.Stopped => deallocatedReadsAsNoState ? [PowerState.Shutdown, PowerState.NoState] : [PowerState.Shutdown],
            VmState.SoftDeleted => [PowerState.Shutdown, PowerState.NoState],
            VmState.HardDeleted => [PowerState.NoState],
            VmState.Resized => vm.StateBeforeResize == VmState.Stopped ? [PowerState.Shutdown] : [PowerState.Running],
            _ => Any,
        };
    }

    /// <summary>
    /// Whether <paramref name="observed"/> agrees with the VM. A task in flight is a transition, where a mismatch is
    /// expected ("if the VM is in transition status, that is fine"); an error VM never alerts.
    /// </summary>
    public static bool IsConsistent(VmStatus vm, PowerState observed, bool deallocatedReadsAsNoState = false)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return !vm.IsIdle || vm.VmState == VmState.Error || ExpectedPowerStates(vm, deallocatedReadsAsNoState).Contains(observed);
    }
}
