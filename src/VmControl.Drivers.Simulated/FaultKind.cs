namespace VmControl.Drivers.Simulated;

/// <summary>Whether a simulated fault invites a retry (transient) or not (permanent).</summary>
public enum FaultKind
{
    Transient,
    Permanent,
}
