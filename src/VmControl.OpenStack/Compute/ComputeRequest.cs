using VmControl.OpenStack.Identity;

namespace VmControl.OpenStack.Compute;

/// <summary>A compute request that passed the version and token checks: who asks, under which request id, at which URL.</summary>
public sealed record ComputeRequest(HttpContext Http, Caller Caller, string RequestId)
{
    public string ComputeUrl => PublicUrl.Compute(Http.Request);

    public CancellationToken Aborted => Http.RequestAborted;
}
