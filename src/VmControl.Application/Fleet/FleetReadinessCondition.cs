namespace VmControl.Application.Fleet;

/// <summary>What makes a tier ready for the next one, beyond its VMs' actions having ended.</summary>
public enum FleetReadinessCondition
{
    /// <summary>The tier is ready once every VM's action has ended.</summary>
    ActionEnded,

    /// <summary>Every VM whose action succeeded reports power <c>running</c>.</summary>
    PowerRunning,

    /// <summary>Every VM whose action succeeded is in the given vm_state.</summary>
    VmState,
}
