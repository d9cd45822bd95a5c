namespace VmControl.Domain;

/// <summary>What the hypervisor reports, bottom-up. The numeric values are Nova's power_state codes.</summary>
public enum PowerState
{
    NoState = 0,
    Running = 1,
    Paused = 3,
    Shutdown = 4,
    Crashed = 6,
    Suspended = 7,
}
