using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace VmControl.Events.Webhooks;

/// <summary>One attempt to POST one event to a subscription, signed; throws unless the receiver answered 2xx.</summary>
public sealed class WebhookSender(WebhookHttp http, TimeProvider time, IOptions<EventSettings> events)
{
    private static readonly MediaTypeHeaderValue ContentType = MediaTypeHeaderValue.Parse(CloudEventJson.MediaType + "; charset=utf-8");
    private readonly Uri source = events?.Value.ResolvedSource ?? throw new ArgumentNullException(nameof(events));

    public async Task SendAsync(EventSubscription subscription, VmEvent e, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        ArgumentNullException.ThrowIfNull(e);
        var body = CloudEventJson.Serialize(e, source);

        // A new timestamp per attempt (receivers reject old ones), the same id on every attempt (receivers de-duplicate by it).
        var timestamp = time.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8),
        };
        request.Content.Headers.ContentType = ContentType;
        request.Headers.Add(WebhookSignature.IdHeader, e.Id);
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.Secret, e.Id, timestamp, body));
        using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"The receiver answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }
}
