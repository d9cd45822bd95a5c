using System.Text.Json;

namespace VmControl.Testing;

/// <summary>One delivery the <see cref="WebhookReceiver"/> accepted: the CloudEvent's attributes and data, and when it came.</summary>
public sealed record ReceivedEvent(string Id, string Type, string Subject, DateTimeOffset Time, DateTimeOffset ArrivedAt, string WebhookId, JsonElement Data)
{
    public string? Text(string property) =>
        Data.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
