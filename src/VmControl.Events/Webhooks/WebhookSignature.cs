using StandardWebhooks;

namespace VmControl.Events.Webhooks;

/// <summary>
/// The Standard Webhooks signature: <c>v1,</c> and the base64 HMAC-SHA256 of <c>{id}.{timestamp}.{body}</c> keyed with
/// the secret's decoded bytes, computed by the StandardWebhooks package (the scheme's reference implementation for .NET).
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "webhook-id";
    public const string TimestampHeader = "webhook-timestamp";
    public const string SignatureHeader = "webhook-signature";

    public static string Sign(string secret, string id, DateTimeOffset timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return new StandardWebhook(secret).Sign(id, timestamp, body);
    }
}
