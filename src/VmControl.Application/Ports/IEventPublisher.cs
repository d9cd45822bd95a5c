using VmControl.Application.Events;

namespace VmControl.Application.Ports;

/// <summary>
/// A delivery target the deployment configures, not a webhook subscription (Azure Event Grid): it receives every event,
/// with the retries and dead-letter list of a subscription. Throws when the target did not take the events.
/// </summary>
public interface IEventPublisher
{
    /// <summary>The name its dead letters and logs carry (e.g. <c>event-grid</c>).</summary>
    string Name { get; }

    Task PublishAsync(IReadOnlyList<VmEvent> events, CancellationToken cancellationToken = default);
}
