namespace VmControl.Application.Ports;

/// <summary>A hypervisor failure: a stable code, a message, whether a retry may succeed, and whether anything moved.</summary>
public sealed record HypervisorError(string Code, string Message, bool Transient, FailureKind Kind);
