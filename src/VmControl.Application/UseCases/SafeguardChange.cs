namespace VmControl.Application.UseCases;

/// <summary>
/// A change to a VM's safeguards: lock (with a reason), unlock, or the protection flags (null leaves a flag as it is);
/// and with them, in the same write, a change of its labels (<see cref="Details"/>).
/// </summary>
/// <param name="VmId">The VM.</param>
/// <param name="Caller">Who asks.</param>
/// <param name="IfMatch">The VM's ETag the caller saw, or null.</param>
/// <param name="Lock">True to lock, false to unlock, null to leave the lock alone.</param>
/// <param name="LockReason">Why it is locked (Nova's <c>locked_reason</c>), with <see cref="Lock"/> true.</param>
/// <param name="DeleteProtection">The new delete protection flag, or null.</param>
/// <param name="StopProtection">The new stop protection flag, or null.</param>
/// <param name="Details">A rename, new description or access addresses, or null.</param>
public sealed record SafeguardChange(
    string VmId,
    Caller Caller,
    string? IfMatch = null,
    bool? Lock = null,
    string? LockReason = null,
    bool? DeleteProtection = null,
    bool? StopProtection = null,
    VmDetailsChange? Details = null)
{
    /// <summary>Whether the change touches the lock or a protection flag (what a lock guards); a rename alone does not.</summary>
    public bool TouchesSafeguards => Lock is not null || DeleteProtection is not null || StopProtection is not null;
}
