namespace VmControl.Domain;

/// <summary>
/// An action refused by a safeguard: which one, and the message the caller reads (with the lock's reason).
/// <see cref="Action"/> is null when the refused request is not a lifecycle action (a change to a locked VM's flags).
/// </summary>
public sealed record SafeguardRefusal(Safeguard Safeguard, VmAction? Action, string? LockReason)
{
    /// <summary><c>vm_locked</c> or <c>vm_protected</c>.</summary>
    public string Code => Safeguard == Safeguard.Lock ? "vm_locked" : "vm_protected";

    public string Message => Safeguard switch
    {
        Safeguard.Lock => LockReason is { Length: > 0 } reason
            ? $"The VM is locked ({reason}): only an admin may act on it or unlock it."
            : "The VM is locked: only an admin may act on it or unlock it.",
        Safeguard.DeleteProtection => $"The VM has delete protection: clear deleteProtection before {Action?.ToWire() ?? "deleting it"}.",
        _ => $"The VM has stop protection: clear stopProtection before {Action?.ToWire() ?? "stopping it"}.",
    };
}
