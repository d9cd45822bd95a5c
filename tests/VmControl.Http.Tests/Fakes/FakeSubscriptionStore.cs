using System.Collections.Concurrent;

namespace VmControl.Http.Tests.Fakes;

public sealed class FakeSubscriptionStore : ISubscriptionStore
{
    private readonly ConcurrentDictionary<string, EventSubscription> items = new(StringComparer.Ordinal);

    public void Seed(EventSubscription subscription) => items[subscription.Id] = subscription;

    public Task AddAsync(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        items[subscription.Id] = subscription;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<EventSubscription>> ListAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<EventSubscription>>([.. items.Values.OrderBy(s => s.Id, StringComparer.Ordinal)]);

    public Task<EventSubscription?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(items.GetValueOrDefault(id));

    public Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(items.TryRemove(id, out _));
}
