using System.Collections.Concurrent;

namespace VmControl.Http.Tests.Fakes;

public sealed class FakeDeadLetterStore : IDeadLetterStore
{
    private readonly ConcurrentDictionary<(string Target, string Id), DeadLetter> items = new();

    public Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        items[(letter.TargetId, letter.Event.Id)] = letter;
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<DeadLetter>> ListAsync(string targetId, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<DeadLetter>>([.. items.Values.Where(l => l.TargetId == targetId).OrderBy(l => l.Event.Id, StringComparer.Ordinal)]);

    public Task DeleteAsync(string targetId, IReadOnlyList<string> eventIds, CancellationToken cancellationToken = default)
    {
        foreach (var id in eventIds)
        {
            items.TryRemove((targetId, id), out _);
        }

        return Task.CompletedTask;
    }
}
