using System.Text.Json;
using CloudNative.CloudEvents;
using CloudNative.CloudEvents.SystemTextJson;

namespace VmControl.Events;

/// <summary>
/// An event as CloudEvents 1.0 JSON in structured mode (the body a webhook, the stream and a log get), written with the
/// CloudEvents SDK so attribute names, types and the <c>project</c> extension follow the spec.
/// </summary>
public static class CloudEventJson
{
    public const string MediaType = "application/cloudevents+json";

    /// <summary>The extension attribute that carries the VM's project (lower-case letters only, as the spec asks).</summary>
    public static readonly CloudEventAttribute ProjectAttribute = CloudEventAttribute.CreateExtension("project", CloudEventAttributeType.String);

    private static readonly JsonEventFormatter Formatter = new();

    public static CloudEvent ToCloudEvent(VmEvent e, Uri source)
    {
        ArgumentNullException.ThrowIfNull(e);
        var cloudEvent = new CloudEvent(CloudEventsSpecVersion.V1_0, [ProjectAttribute])
        {
            Id = e.Id,
            Type = e.Type,
            Source = source,
            Subject = e.Subject,
            Time = e.Time,
            DataContentType = "application/json",
            Data = JsonDocument.Parse(e.Data).RootElement.Clone(),
        };
        cloudEvent[ProjectAttribute] = e.Project;
        return cloudEvent;
    }

    public static ReadOnlyMemory<byte> Encode(VmEvent e, Uri source) =>
        Formatter.EncodeStructuredModeMessage(ToCloudEvent(e, source), out _);

    public static string Serialize(VmEvent e, Uri source) => System.Text.Encoding.UTF8.GetString(Encode(e, source).Span);
}
