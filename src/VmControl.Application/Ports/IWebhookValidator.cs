namespace VmControl.Application.Ports;

/// <summary>
/// Decides whether a webhook URL may be subscribed: the URL rules, the addresses it resolves to, then the CloudEvents
/// validation handshake with the receiver. Returns null when it may, else why not.
/// </summary>
public interface IWebhookValidator
{
    Task<WebhookRefusal?> ValidateAsync(string url, CancellationToken cancellationToken = default);
}
