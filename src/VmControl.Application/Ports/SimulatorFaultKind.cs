namespace VmControl.Application.Ports;

/// <summary>Whether an injected fault may succeed on retry (transient) or not (permanent).</summary>
public enum SimulatorFaultKind
{
    Transient,
    Permanent,
}
