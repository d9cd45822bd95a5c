using System.Text.Json;

namespace VmControl.Testing;

/// <summary>One delivery a <see cref="WebhookReceiver"/> accepted: the webhook-id, the body as sent and parsed, and its content type.</summary>
public sealed record ReceivedEvent(string Id, string Body, JsonElement CloudEvent, string ContentType)
{
    public string Type => CloudEvent.GetProperty("type").GetString()!;

    public string Subject => CloudEvent.GetProperty("subject").GetString()!;

    public JsonElement Data => CloudEvent.GetProperty("data");
}
