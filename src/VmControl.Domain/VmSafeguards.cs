namespace VmControl.Domain;

/// <summary>A VM's lock and protection flags as the rules need them.</summary>
/// <param name="Locked">Whether the VM is locked.</param>
/// <param name="LockReason">The reason given when it was locked, or null.</param>
/// <param name="DeleteProtection">Delete and soft delete are refused.</param>
/// <param name="StopProtection">Stop and suspend are refused.</param>
public sealed record VmSafeguards(bool Locked = false, string? LockReason = null, bool DeleteProtection = false, bool StopProtection = false)
{
    public static VmSafeguards None { get; } = new();

    /// <summary>Whether <paramref name="safeguard"/> is set on this VM.</summary>
    public bool Has(Safeguard safeguard) => safeguard switch
    {
        Safeguard.Lock => Locked,
        Safeguard.DeleteProtection => DeleteProtection,
        Safeguard.StopProtection => StopProtection,
        _ => false,
    };
}
