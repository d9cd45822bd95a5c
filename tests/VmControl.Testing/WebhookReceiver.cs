using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace VmControl.Testing;

/// <summary>
/// A webhook receiver on 127.0.0.1 (Kestrel, a free port) for delivery tests: it answers the CloudEvents validation
/// handshake, checks every delivery's Standard Webhooks signature against <see cref="Secret"/>, and records what it
/// accepted in arrival order. <see cref="Answer"/> decides each delivery's status (default 200), so a test can fail
/// the first attempts, answer 500 forever, or go quiet.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    /// <summary>A fixed test secret (the Standard Webhooks spec's, 24 bytes), so a subscription can be created with it.</summary>
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly ConcurrentQueue<ReceivedEvent> received = new();
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.Ordinal);
    private int badSignatures;

    private WebApplication? app;

    private WebhookReceiver(int port) => Url = new Uri($"http://127.0.0.1:{port}/hook");

    public Uri Url { get; }

    /// <summary>The status for a delivery (event id, attempt number of that id at this receiver); 200 by default.</summary>
    public Func<string, int, int> Answer { get; set; } = (_, _) => 200;

    /// <summary>The <c>WebHook-Allowed-Origin</c> the handshake answers: the request's own origin by default; null answers without it.</summary>
    public Func<string?, string?> AllowedOrigin { get; set; } = origin => origin;

    /// <summary>The status of the handshake's answer.</summary>
    public int HandshakeStatus { get; set; } = 200;

    /// <summary>Called on the request's thread for each accepted delivery (duplicates included), after it is recorded.</summary>
    public Action<ReceivedEvent>? OnAccepted { get; set; }

    public int Handshakes { get; private set; }

    public string? LastRequestOrigin { get; private set; }

    /// <summary>Deliveries that carried a wrong signature (always answered 401 and not recorded).</summary>
    public int BadSignatures => Volatile.Read(ref badSignatures);

    /// <summary>The accepted deliveries (2xx answered), in arrival order.</summary>
    public IReadOnlyList<ReceivedEvent> Received => [.. received];

    /// <summary>Every attempt with a good signature that reached the receiver (accepted or not).</summary>
    public int TotalAttempts => attempts.Values.Sum();

    /// <summary>Every attempt that reached the receiver, per event id (accepted or not).</summary>
    public int AttemptsOf(string eventId) => attempts.GetValueOrDefault(eventId);

    /// <summary>The ids of every event an attempt carried (accepted or not).</summary>
    public IReadOnlyCollection<string> AttemptedIds => [.. attempts.Keys];

    public static async Task<WebhookReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var receiver = new WebhookReceiver(FreePorts.Next());
        await receiver.StartAgainAsync(cancellationToken).ConfigureAwait(false);
        return receiver;
    }

    /// <summary>Goes away: connections to <see cref="Url"/> are refused until <see cref="StartAgainAsync"/>.</summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (app is { } running)
        {
            app = null;
            await running.StopAsync(cancellationToken).ConfigureAwait(false);
            await running.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Listens again on the same port (what it received so far is kept).</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Url.Port}");
        var web = builder.Build();
        web.MapMethods("/{**path}", ["OPTIONS"], (Delegate)(Func<HttpContext, IResult>)Handshake);
        web.MapPost("/{**path}", (Delegate)(Func<HttpContext, Task<IResult>>)ReceiveAsync);
        await web.StartAsync(cancellationToken).ConfigureAwait(false);
        app = web;
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>Waits until <paramref name="done"/> holds for what was received, polling every 50 ms.</summary>
    public async Task WaitAsync(Func<IReadOnlyList<ReceivedEvent>, bool> done, CancellationToken cancellationToken)
    {
        while (!done(Received))
        {
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }

    private IResult Handshake(HttpContext context)
    {
        Handshakes++;
        LastRequestOrigin = context.Request.Headers["WebHook-Request-Origin"].ToString();
        if (AllowedOrigin(LastRequestOrigin) is { } allowed)
        {
            context.Response.Headers["WebHook-Allowed-Origin"] = allowed;
        }

        return Results.StatusCode(HandshakeStatus);
    }

    private async Task<IResult> ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted).ConfigureAwait(false);
        try
        {
            new StandardWebhook(Secret).Verify(body, context.Request.Headers);
        }
        catch (Exception ex) when (ex is StandardWebhooks.Diagnostics.WebhookVerificationException or FormatException or ArgumentException)
        {
            Interlocked.Increment(ref badSignatures);
            return Results.StatusCode(401);
        }

        var id = context.Request.Headers["webhook-id"].ToString();
        var attempt = attempts.AddOrUpdate(id, 1, (_, n) => n + 1);
        var status = Answer(id, attempt);
        if (status is >= 200 and < 300)
        {
            using var document = JsonDocument.Parse(body);
            var got = new ReceivedEvent(id, body, document.RootElement.Clone(), context.Request.ContentType ?? string.Empty, DateTimeOffset.UtcNow);
            received.Enqueue(got);
            OnAccepted?.Invoke(got);
        }

        return Results.StatusCode(status);
    }
}
