using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace VmControl.Events.Webhooks;

/// <summary>
/// Checks a URL before it is subscribed: the URL rules, every address its host resolves to (unless private ones are
/// allowed), then the CloudEvents webhook validation handshake: an <c>OPTIONS</c> with <c>WebHook-Request-Origin</c>
/// that the receiver must answer 2xx with <c>WebHook-Allowed-Origin</c> naming that origin or <c>*</c>.
/// </summary>
public sealed class WebhookValidator(WebhookHttp http, IOptions<WebhookSettings> webhooks, IOptions<DeliverySettings> delivery, IOptions<EventSettings> events)
    : IWebhookValidator
{
    public const string RequestOriginHeader = "WebHook-Request-Origin";
    public const string AllowedOriginHeader = "WebHook-Allowed-Origin";

    public string Origin { get; } = webhooks.Value.Origin is { Length: > 0 } origin ? origin : OriginOf(events.Value.ResolvedSource);

    public async Task<WebhookRefusal?> ValidateAsync(string url, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var settings = webhooks.Value;
        if (WebhookUrlRules.Check(url, settings) is { } broken)
        {
            return new WebhookRefusal(false, broken);
        }

        var uri = new Uri(url, UriKind.Absolute);
        try
        {
            if (!settings.AllowPrivateAddresses)
            {
                await WebhookHttp.ResolvePublicAsync(uri.IdnHost, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (NonPublicAddressException ex)
        {
            return new WebhookRefusal(false, ex.Message);
        }
        catch (SocketException)
        {
            return new WebhookRefusal(false, $"url's host {uri.Host} does not resolve.");
        }

        return await HandshakeAsync(uri, cancellationToken).ConfigureAwait(false);
    }

    private async Task<WebhookRefusal?> HandshakeAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(delivery.Value.Timeout);
        using var request = new HttpRequestMessage(HttpMethod.Options, uri);
        request.Headers.Add(RequestOriginHeader, Origin);
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return new WebhookRefusal(true, $"The validation handshake (OPTIONS with {RequestOriginHeader}: {Origin}) got {(int)response.StatusCode}; the receiver must answer 2xx.");
            }

            var allowed = response.Headers.TryGetValues(AllowedOriginHeader, out var values) ? string.Join(",", values) : null;
            return allowed is not null && allowed.Split(',').Select(v => v.Trim()).Any(v => v == "*" || string.Equals(v, Origin, StringComparison.OrdinalIgnoreCase))
                ? null
                : new WebhookRefusal(true, $"The validation handshake got no {AllowedOriginHeader} naming {Origin} (or *).");
        }
        catch (Exception ex) when (ex is HttpRequestException or NonPublicAddressException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return new WebhookRefusal(true, $"The validation handshake (OPTIONS {uri.GetLeftPart(UriPartial.Authority)}) failed: {(ex is OperationCanceledException ? "timed out" : ex.Message)}");
        }
    }

    private static string OriginOf(Uri source) => source.IsAbsoluteUri && source.Host.Length > 0 ? source.Host : source.OriginalString;
}
