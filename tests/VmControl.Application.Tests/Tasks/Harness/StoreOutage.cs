using Azure.Core;
using Azure.Core.Pipeline;

namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>
/// A storage outage at the stores' Table client (an Azure.Core pipeline policy, as in the storage project's
/// LostResponseTests): while it lasts, every request fails before reaching Azurite, as an unreachable endpoint would
/// (an <see cref="IOException"/>, which the stores report as unavailable). The simulated hypervisor has its own client
/// and keeps working.
/// </summary>
internal sealed class StoreOutage : HttpPipelinePolicy
{
    private int requestsToFail;
    private int down;
    private int failed;

    /// <summary>Requests failed so far.</summary>
    public int Failed => Volatile.Read(ref failed);

    /// <summary>Fails every request until <see cref="End"/>.</summary>
    public void Begin() => Volatile.Write(ref down, 1);

    public void End() => Volatile.Write(ref down, 0);

    /// <summary>Fails exactly the next <paramref name="requests"/> requests, then recovers.</summary>
    public void FailNext(int requests) => Volatile.Write(ref requestsToFail, requests);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (Volatile.Read(ref down) == 1 || Interlocked.Decrement(ref requestsToFail) >= 0)
        {
            Interlocked.Increment(ref failed);
            throw new IOException("The storage endpoint is unreachable (simulated outage).");
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }
}
