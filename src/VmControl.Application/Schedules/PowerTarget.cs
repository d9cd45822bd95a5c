namespace VmControl.Application.Schedules;

/// <summary>
/// What a VM needs to be in a desired state: nothing (it is), one lifecycle action, or nothing a schedule can do (the
/// reason). "On" is vm_state active with the machine running; "off" is stopped or suspended with it not running.
/// </summary>
internal static class PowerTarget
{
    public static (bool Reached, VmAction? Action, string? Skip) Decide(VmRecord vm, DesiredPower desired, ScheduleStopKind stopKind)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return (desired, vm.VmState) switch
        {
            (_, VmState.SoftDeleted or VmState.HardDeleted) => (false, null, "deleted"),
            (_, VmState.Error) => (false, null, "error"),
            (_, VmState.Initialized) => (false, null, "building"),
            (DesiredPower.On, VmState.Active) when vm.PowerState == PowerState.Running => (true, null, null),
            (DesiredPower.On, VmState.Active) => (false, null, "power_" + vm.PowerState.ToWire()),
            (DesiredPower.On, VmState.Stopped) => (false, VmAction.Start, null),
            (DesiredPower.On, VmState.Suspended) => (false, VmAction.Resume, null),
            (DesiredPower.On, VmState.Paused) => (false, VmAction.Unpause, null),
            (DesiredPower.Off, VmState.Stopped or VmState.Suspended) when vm.PowerState != PowerState.Running => (true, null, null),
            (DesiredPower.Off, VmState.Stopped or VmState.Suspended) => (false, null, "power_running"),
            (DesiredPower.Off, VmState.Active) => (false, stopKind == ScheduleStopKind.Suspend ? VmAction.Suspend : VmAction.Stop, null),
            _ => (false, null, "no_action_from_" + vm.VmState.ToWire()),
        };
    }
}
