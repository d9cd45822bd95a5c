namespace VmControl.Domain;

/// <summary>The decisions of <see cref="SafeguardTable"/>. Side-effect free.</summary>
public static class Safeguards
{
    /// <summary>
    /// The refusal of <paramref name="action"/> on a VM with <paramref name="guards"/>, or null when no safeguard
    /// stands in the way. An admin passes the lock (Nova's admin override) but never a protection flag: those are
    /// cleared on purpose first, by anyone, so that no role deletes a protected VM by accident.
    /// </summary>
    public static SafeguardRefusal? Check(VmSafeguards guards, VmAction action, bool callerIsAdmin)
    {
        ArgumentNullException.ThrowIfNull(guards);
        foreach (var safeguard in SafeguardTable.For(action).RefusedBy)
        {
            if (guards.Has(safeguard) && !(safeguard == Safeguard.Lock && callerIsAdmin))
            {
                return new SafeguardRefusal(safeguard, action, guards.LockReason);
            }
        }

        return null;
    }
}
