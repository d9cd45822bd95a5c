namespace VmControl.Drivers.Libvirt;

/// <summary>libvirt's domain state and reason (virDomainState, virDomainShutoffReason) as Nova's power states.</summary>
internal static class LibvirtPower
{
    private const int ShutoffCrashed = 3;

    public static (PowerState Power, string Detail) Map(int state, int reason, bool managedSave) => state switch
    {
        1 => (PowerState.Running, "running"),
        2 => (PowerState.Running, "blocked"),
        3 => (PowerState.Paused, "paused"),

        // Still running while the guest shuts down.
        4 => (PowerState.Running, "shutting_down"),
        5 when managedSave => (PowerState.Suspended, "managed_save"),
        5 when reason == ShutoffCrashed => (PowerState.Crashed, "shutoff_crashed"),
        5 => (PowerState.Shutdown, "shutoff"),
        6 => (PowerState.Crashed, "crashed"),
        7 => (PowerState.Suspended, "pmsuspended"),
        _ => (PowerState.NoState, "nostate"),
    };
}
