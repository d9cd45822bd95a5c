namespace VmControl.Application.UseCases;

/// <summary>The admin reset-state (Nova's os-resetState): <see cref="VmState"/> is the wire name, <c>active</c> or <c>error</c>.</summary>
public sealed record ResetStateRequest(string VmId, string? VmState, string? Reason, string? IfMatch = null, Caller? Caller = null, string? RequestId = null)
{
    /// <summary>The caller, or the system actor <c>admin</c> when none was given.</summary>
    public Caller Actor => Caller ?? new Caller("admin", Role.Admin, Projects.Default);
}
