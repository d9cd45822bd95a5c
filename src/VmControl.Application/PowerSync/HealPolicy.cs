namespace VmControl.Application.PowerSync;

/// <summary>What power sync does about a VM whose power disagrees with its vm_state (docs/lifecycle.md §3).</summary>
public enum HealPolicy
{
    /// <summary>Raise and keep the alert; change nothing (the default).</summary>
    Alert,

    /// <summary>Also apply Nova's table where the lifecycle allows it, as an ordinary task through the same lock.</summary>
    Heal,
}
