using VmControl.OpenStack.Identity;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>A compute request that passed the version and token checks: who asks, under which request id and microversion, at which URL.</summary>
public sealed record ComputeRequest(HttpContext Http, Caller Caller, string RequestId)
{
    public string ComputeUrl => PublicUrl.Compute(Http.Request);

    /// <summary>The negotiated microversion (<see cref="Microversion"/>): every view is rendered for it.</summary>
    public NovaVersion Version { get; init; } = Microversion.Min;

    public CancellationToken Aborted => Http.RequestAborted;

    /// <summary>The caller as the application sees it (role from the Keystone roles, the token's project); null with no role.</summary>
    public Application.Model.Caller? Actor { get; } = KeystoneRoles.Actor(Caller);

    /// <summary>The caller for a use case; the pipeline has already refused a token whose roles give no rights.</summary>
    public Application.Model.Caller Acting => Actor ?? throw new InvalidOperationException("A compute request without a role reached a handler.");
}
