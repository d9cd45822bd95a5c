namespace VmControl.Application.UseCases;

/// <summary>A request for a lifecycle action with its parameters (reboot type is already folded into the action).</summary>
/// <param name="VmId">The VM.</param>
/// <param name="Action">The action.</param>
/// <param name="Parameters">The action's parameters by wire name: <c>size</c> (resize), <c>image</c> (rebuild), <c>name</c> (snapshot, backup).</param>
/// <param name="IfMatch">The VM's ETag the caller saw, or null.</param>
/// <param name="Caller">Who asks; null only in tests and tools, which act as the system actor <c>anonymous</c>.</param>
/// <param name="RequestId">The caller's request id, stored on the action (the Compute API's <c>x-compute-request-id</c>), or null.</param>
public sealed record ActionRequest(
    string VmId,
    VmAction Action,
    IReadOnlyDictionary<string, string>? Parameters = null,
    string? IfMatch = null,
    Caller? Caller = null,
    string? RequestId = null)
{
    /// <summary>The caller, or the system actor <c>anonymous</c> when none was given.</summary>
    public Caller Actor => Caller ?? Model.Caller.System("anonymous");
}
