namespace VmControl.Application.UseCases;

/// <summary>The admin reset-state (Nova's os-resetState): <see cref="VmState"/> is the wire name, <c>active</c> or <c>error</c>.</summary>
public sealed record ResetStateRequest(string VmId, string? VmState, string? Reason, string? IfMatch = null, string RequestedBy = "admin", string? RequestId = null);
