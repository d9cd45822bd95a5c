namespace VmControl.Application.Ports;

/// <summary>The webhook subscriptions (few: an admin adds them), read whole by delivery.</summary>
public interface ISubscriptionStore
{
    Task AddAsync(EventSubscription subscription, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<EventSubscription>> ListAsync(CancellationToken cancellationToken = default);

    Task<EventSubscription?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Removes a subscription; false when there was none with that id.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);
}
