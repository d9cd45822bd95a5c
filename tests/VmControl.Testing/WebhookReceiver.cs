using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace VmControl.Testing;

/// <summary>
/// A webhook receiver on 127.0.0.1 for the event tests and the benchmark: it answers the CloudEvents validation
/// handshake, checks every delivery's Standard Webhooks signature with its own HMAC (not the product's code), and keeps
/// what arrived in arrival order. It can answer 500 (<see cref="Failing"/>) or go away and come back on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedEvent> received = new();
    private readonly ConcurrentDictionary<string, int> attempted = new(StringComparer.Ordinal);
    private readonly byte[] secret;
    private WebApplication? app;
    private long attempts;
    private long badSignatures;

    private WebhookReceiver(int port, byte[] secret)
    {
        Port = port;
        this.secret = secret;
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/hook");

    /// <summary>The secret to create the subscription with (<c>whsec_</c> + base64).</summary>
    public string Secret => "whsec_" + Convert.ToBase64String(secret);

    /// <summary>When true, every delivery gets a 500 (it still counts as an attempt).</summary>
    public bool Failing { get; set; }

    /// <summary>Deliveries seen, including those answered 500.</summary>
    public long Attempts => Interlocked.Read(ref attempts);

    public long BadSignatures => Interlocked.Read(ref badSignatures);

    /// <summary>Every webhook-id a delivery attempt carried, answered or not, with how many attempts it had.</summary>
    public IReadOnlyDictionary<string, int> AttemptedIds => attempted;

    /// <summary>The events accepted (2xx), in arrival order; a redelivery appears again.</summary>
    public IReadOnlyList<ReceivedEvent> Received => [.. received];

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken)
    {
        var receiver = new WebhookReceiver(FreePorts.Next(), RandomNumberGenerator.GetBytes(32));
        await receiver.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return receiver;
    }

    /// <summary>Goes away: connections are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null)
        {
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
            await app.DisposeAsync().ConfigureAwait(false);
            app = null;
        }
    }

    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        var web = builder.Build();
        web.MapMethods("/hook", ["OPTIONS"], (HttpContext context) =>
        {
            context.Response.Headers["WebHook-Allowed-Origin"] = context.Request.Headers["WebHook-Request-Origin"].ToString() is { Length: > 0 } origin ? origin : "*";
            return Results.Ok();
        });
        web.MapPost("/hook", (Delegate)ReceiveAsync);
        await web.StartAsync(cancellationToken).ConfigureAwait(false);
        app = web;
    }

    /// <summary>Waits until <paramref name="done"/> holds for what arrived, or throws with what did.</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<ReceivedEvent>, bool> done, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(done);
        var clock = Stopwatch.StartNew();
        while (!done(Received))
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"The receiver did not get what was expected within {timeout}: {Received.Count} events, {Attempts} attempts.");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None).ConfigureAwait(false);

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        Interlocked.Increment(ref attempts);
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        var id = context.Request.Headers["webhook-id"].ToString();
        attempted.AddOrUpdate(id, 1, (_, n) => n + 1);
        var timestamp = context.Request.Headers["webhook-timestamp"].ToString();
        var signatures = context.Request.Headers["webhook-signature"].ToString().Split(' ');
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}")));
        if (!signatures.Contains(expected, StringComparer.Ordinal))
        {
            Interlocked.Increment(ref badSignatures);
            return Results.Unauthorized();
        }

        if (Failing)
        {
            return Results.StatusCode(500);
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        received.Enqueue(new ReceivedEvent(
            root.GetProperty("id").GetString()!,
            root.GetProperty("type").GetString()!,
            root.GetProperty("subject").GetString()!,
            root.GetProperty("time").GetDateTimeOffset(),
            DateTimeOffset.UtcNow,
            id,
            root.GetProperty("data").Clone()));
        return Results.Ok();
    }
}
