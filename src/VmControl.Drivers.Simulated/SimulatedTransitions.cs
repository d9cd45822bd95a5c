namespace VmControl.Drivers.Simulated;

/// <summary>
/// What each action does to a machine when it completes: the "expected power after" column of docs/lifecycle.md.
/// Applying a transition twice gives the same machine (activities and polls may repeat).
/// </summary>
internal static class SimulatedTransitions
{
    /// <summary>Applies <paramref name="action"/> to the machine; false when the action removes it (delete).</summary>
    /// <param name="target">The new size (resize) or image (rebuild) captured when the operation began.</param>
    public static bool Apply(MachineEntity machine, VmAction action, string? target)
    {
        var power = (PowerState)machine.PowerState;
        switch (action)
        {
            case VmAction.Delete:
                return false;
            case VmAction.Resize:
                // Power stays as it was (Nova resizes a stopped VM without starting it); the old size is kept for revert.
                if (target is not null && !string.Equals(target, machine.Size, StringComparison.Ordinal))
                {
                    machine.PreviousSize = machine.Size;
                    machine.Size = target;
                }

                break;
            case VmAction.ConfirmResize:
                machine.PreviousSize = null;
                break;
            case VmAction.RevertResize:
                machine.Size = machine.PreviousSize ?? machine.Size;
                machine.PreviousSize = null;
                break;
            case VmAction.Rebuild:
                // Nova's rebuild keeps a stopped instance stopped (manager.py rebuild_instance).
                machine.Image = target ?? machine.Image;
                machine.PowerState = (int)(power == PowerState.Shutdown ? PowerState.Shutdown : PowerState.Running);
                break;
            default:
                machine.PowerState = (int)(PowerAfter(action) ?? power);
                break;
        }

        return true;
    }

    /// <summary>The power an action leaves behind, or null when it leaves power as it was.</summary>
    public static PowerState? PowerAfter(VmAction action) => action switch
    {
        VmAction.Create or VmAction.Start or VmAction.Reboot or VmAction.RebootHard or VmAction.Unpause
            or VmAction.Resume or VmAction.Rescue or VmAction.Unrescue or VmAction.Restore => PowerState.Running,
        VmAction.Stop or VmAction.SoftDelete => PowerState.Shutdown,
        VmAction.Pause => PowerState.Paused,
        VmAction.Suspend => PowerState.Suspended,
        VmAction.Delete => PowerState.NoState,
        _ => null,
    };
}
