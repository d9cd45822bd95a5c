using Azure.Core;
using Azure.Core.Pipeline;

namespace VmControl.Storage.Tests;

/// <summary>
/// Lets the next write reach storage, then loses its response as a timeout would (an <see cref="IOException"/>, which
/// the storage client retries): the retry then meets the write's own effect, a 412 or a 409.
/// </summary>
internal sealed class LoseNextWriteResponse : HttpPipelinePolicy
{
    private int armed;

    public int Lost { get; private set; }

    public void Arm() => Interlocked.Exchange(ref armed, 1);

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The table client is used asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        if (message.Request.Method != RequestMethod.Get && message.Response.Status < 300 && Interlocked.Exchange(ref armed, 0) == 1)
        {
            Lost++;
            throw new IOException("The response was lost (simulated timeout).");
        }
    }
}
