namespace VmControl.Drivers.Simulated;

/// <summary>The simulator's native state names, kept as <see cref="Application.Ports.PowerReading.Detail"/> (libvirt-like).</summary>
internal static class PowerDetails
{
    public static string Of(PowerState power) => power switch
    {
        PowerState.Running => "running",
        PowerState.Paused => "paused",
        PowerState.Shutdown => "stopped",
        PowerState.Crashed => "crashed",
        PowerState.Suspended => "suspended",
        _ => "not_found",
    };
}
