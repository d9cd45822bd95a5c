namespace VmControl.Events.EventGrid;

/// <summary>The <c>Events:EventGrid</c> settings: where the custom topic is. Unset: nothing is published to Event Grid.</summary>
public sealed class EventGridSettings
{
    public const string Section = "Events:EventGrid";

    /// <summary>The topic's endpoint (<c>https://{topic}.{region}-1.eventgrid.azure.net/api/events</c>), set by the Bicep.</summary>
    public Uri? Endpoint { get; set; }
}
