namespace VmControl.Domain;

/// <summary>What may stand between a caller and an action besides the lifecycle: a lock, or a protection flag.</summary>
public enum Safeguard
{
    /// <summary>Nova's lock: every action refused for non-admins until unlocked.</summary>
    Lock,

    /// <summary>EC2's termination protection: delete and soft delete refused until the flag is cleared, by anyone.</summary>
    DeleteProtection,

    /// <summary>EC2's stop protection: the actions that take the machine down refused until the flag is cleared, by anyone.</summary>
    StopProtection,
}
