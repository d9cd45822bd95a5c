namespace VmControl.Application.UseCases;

/// <summary>A request for a lifecycle action with its parameters (reboot type is already folded into the action).</summary>
/// <param name="VmId">The VM.</param>
/// <param name="Action">The action.</param>
/// <param name="Parameters">The action's parameters by wire name: <c>size</c> (resize), <c>image</c> (rebuild), <c>name</c> (snapshot, backup).</param>
/// <param name="IfMatch">The VM's ETag the caller saw, or null.</param>
/// <param name="RequestedBy">Who asked (a caller id, <c>power-sync</c> for heals).</param>
/// <param name="RequestId">The caller's request id, stored on the action (the Compute API's <c>x-compute-request-id</c>), or null.</param>
public sealed record ActionRequest(
    string VmId,
    VmAction Action,
    IReadOnlyDictionary<string, string>? Parameters = null,
    string? IfMatch = null,
    string RequestedBy = "anonymous",
    string? RequestId = null);
