using Azure.Core;
using Azure.Core.Pipeline;

namespace VmControl.Bench.Fleet;

/// <summary>Counts the storage requests a client makes and the bytes their answers carry (rows read, roughly).</summary>
internal sealed class CountingPolicy : HttpPipelinePolicy
{
    private long requests;
    private long bytes;

    public long Requests => Interlocked.Read(ref requests);

    public long Bytes => Interlocked.Read(ref bytes);

    public void Reset()
    {
        Interlocked.Exchange(ref requests, 0);
        Interlocked.Exchange(ref bytes, 0);
    }

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        ProcessNext(message, pipeline);
        Count(message);
    }

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
        Count(message);
    }

    private void Count(HttpMessage message)
    {
        Interlocked.Increment(ref requests);
        if (message.Response.Headers.ContentLength is { } length)
        {
            Interlocked.Add(ref bytes, length);
        }
        else if (message.Response.ContentStream is { CanSeek: true } stream)
        {
            Interlocked.Add(ref bytes, stream.Length);
        }
    }
}
