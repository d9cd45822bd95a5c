using System.Text.Json;

namespace VmControl.Testing;

/// <summary>One delivery a <see cref="WebhookReceiver"/> accepted: the webhook-id, the body as sent and parsed, its content type and when it arrived.</summary>
public sealed record ReceivedEvent(string Id, string Body, JsonElement CloudEvent, string ContentType, DateTimeOffset ArrivedAt)
{
    public string Type => CloudEvent.GetProperty("type").GetString()!;

    public string Subject => CloudEvent.GetProperty("subject").GetString()!;

    public JsonElement Data => CloudEvent.GetProperty("data");

    /// <summary>The event's time: when the write that published it happened.</summary>
    public DateTimeOffset Time => CloudEvent.GetProperty("time").GetDateTimeOffset();

    /// <summary>A string field of the data, or null.</summary>
    public string? Text(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
