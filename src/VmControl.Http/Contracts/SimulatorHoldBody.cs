namespace VmControl.Http.Contracts;

/// <summary><c>POST /api/simulator/holds</c>: the VM id, or <c>*</c> for every VM, and optionally one action.</summary>
public sealed record SimulatorHoldBody(string? VmId, string? Action);
