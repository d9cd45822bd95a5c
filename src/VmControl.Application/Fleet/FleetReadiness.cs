namespace VmControl.Application.Fleet;

/// <summary>A tier's readiness condition and how long to wait for it; a VM not ready by then is recorded <c>not_ready</c>.</summary>
public sealed record FleetReadiness(FleetReadinessCondition Condition, VmState? VmState, TimeSpan Timeout)
{
    public static FleetReadiness ActionEnded { get; } = new(FleetReadinessCondition.ActionEnded, null, TimeSpan.Zero);

    public bool IsMetBy(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.TaskState is null && Condition switch
        {
            FleetReadinessCondition.PowerRunning => vm.PowerState == PowerState.Running,
            FleetReadinessCondition.VmState => vm.VmState == VmState,
            _ => true,
        };
    }
}
