using System.Text;
using Microsoft.AspNetCore.Http.Features;
using VmControl.Events.Stream;

namespace VmControl.Http.Streaming;

/// <summary>
/// Writes one client's events as server-sent events (<c>text/event-stream</c>): <c>id</c>, <c>event</c> (the type) and
/// <c>data</c> (the CloudEvent JSON on one line), a <c>: keep-alive</c> comment whenever the stream was silent for the
/// keep-alive interval. Ends when the client leaves, the host stops, or the hub drops the client for being too slow.
/// </summary>
internal static class ServerSentEvents
{
    public const string MediaType = "text/event-stream";

    private static readonly byte[] KeepAliveLine = Encoding.UTF8.GetBytes(": keep-alive\n\n");

    public static async Task WriteAsync(HttpContext context, EventStreamClient client, TimeSpan keepAlive, TimeProvider time, CancellationToken cancellationToken)
    {
        // Every event must reach the client when it happens, not when a buffer fills.
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, context.RequestAborted);
        var body = context.Response.Body;
        var interval = keepAlive > TimeSpan.Zero ? keepAlive : TimeSpan.FromSeconds(15);
        try
        {
            // The headers go out at once, so the client knows it is connected before the first event.
            await body.WriteAsync(Encoding.UTF8.GetBytes(": connected\n\n"), ended.Token).ConfigureAwait(false);
            await body.FlushAsync(ended.Token).ConfigureAwait(false);
            while (!ended.IsCancellationRequested)
            {
                if (!await WaitAsync(client, interval, time, ended.Token).ConfigureAwait(false))
                {
                    if (client.Events.Completion.IsCompleted)
                    {
                        return;
                    }

                    await body.WriteAsync(KeepAliveLine, ended.Token).ConfigureAwait(false);
                }

                while (client.Events.TryRead(out var e))
                {
                    await body.WriteAsync(Frame(e), ended.Token).ConfigureAwait(false);
                }

                await body.FlushAsync(ended.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (ended.IsCancellationRequested)
        {
            // The client left or the host stops: the normal end of a stream.
        }
        catch (IOException)
        {
            // The connection broke under a write: the client is gone.
        }
    }

    /// <summary>One event as its lines; the JSON is on one line already (CloudEventJson writes it compact).</summary>
    public static byte[] Frame(StreamedEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        return Encoding.UTF8.GetBytes($"id: {e.Event.Id}\nevent: {e.Event.Type}\ndata: {e.Json}\n\n");
    }

    /// <summary>True when events wait to be read, false when the interval passed first or the client was ended.</summary>
    private static async Task<bool> WaitAsync(EventStreamClient client, TimeSpan interval, TimeProvider time, CancellationToken cancellationToken)
    {
        using var silence = new CancellationTokenSource(interval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, silence.Token);
        try
        {
            return await client.Events.WaitToReadAsync(either.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (silence.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
