using Azure.Messaging.EventGrid;
using CloudNative.CloudEvents.SystemTextJson;
using Microsoft.Extensions.Options;

namespace VmControl.Events.EventGrid;

/// <summary>
/// Publishes to an Event Grid custom topic in the CloudEvents 1.0 schema: the same structured JSON a webhook gets
/// (<see cref="CloudEventJson"/>), sent as one batch. The client signs in with a token (the app's managed identity), never
/// a key. Throws when the topic did not take the batch, so delivery retries it and dead-letters it after the budget.
/// </summary>
public sealed class EventGridPublisher(EventGridPublisherClient client, IOptions<EventSettings> settings) : IEventPublisher
{
    public const string PublisherName = "event-grid";

    // Event Grid refuses a request over 1 MB: a larger batch is sent in halves.
    internal const int MaxBatchBytes = 1_000_000;

    private static readonly JsonEventFormatter Formatter = new();

    public string Name => PublisherName;

    public Task PublishAsync(IReadOnlyList<VmEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        return events.Count == 0 ? Task.CompletedTask : SendAsync(events, cancellationToken);
    }

    /// <summary>The body of one request: a CloudEvents JSON batch (a JSON array of structured events).</summary>
    public static ReadOnlyMemory<byte> Encode(IEnumerable<VmEvent> events, Uri source) =>
        Formatter.EncodeBatchModeMessage(events.Select(e => CloudEventJson.ToCloudEvent(e, source)), out _);

    private async Task SendAsync(IReadOnlyList<VmEvent> events, CancellationToken cancellationToken)
    {
        var body = Encode(events, settings.Value.ResolvedSource);
        if (body.Length > MaxBatchBytes && events.Count > 1)
        {
            var half = events.Count / 2;
            await SendAsync([.. events.Take(half)], cancellationToken).ConfigureAwait(false);
            await SendAsync([.. events.Skip(half)], cancellationToken).ConfigureAwait(false);
            return;
        }

        await client.SendEncodedCloudEventsAsync(body, cancellationToken).ConfigureAwait(false);
    }
}
