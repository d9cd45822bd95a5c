using System.Collections.Concurrent;
using VmControl.Application.Fleet;

namespace VmControl.Http.Tests.Fakes;

/// <summary>Fleet operations in memory, with the store's compare-and-swap on a counter ETag.</summary>
public sealed class FakeFleetStore : IFleetStore
{
    private readonly ConcurrentDictionary<string, FleetOperation> items = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, FleetVmResult>> results = new(StringComparer.Ordinal);
    private long version;

    public Task<FleetOperation> CreateAsync(FleetOperation operation, CancellationToken cancellationToken = default)
    {
        var stored = operation with { ETag = Next() };
        return items.TryAdd(stored.Id, stored) ? Task.FromResult(stored) : throw new InvalidOperationException($"{operation.Id} exists.");
    }

    public Task<FleetOperation?> GetAsync(string id, CancellationToken cancellationToken = default) => Task.FromResult(items.GetValueOrDefault(id));

    public Task<FleetOperation?> TryReplaceAsync(FleetOperation operation, CancellationToken cancellationToken = default)
    {
        lock (items)
        {
            if (!items.TryGetValue(operation.Id, out var current) || current.ETag != operation.ETag)
            {
                return Task.FromResult<FleetOperation?>(null);
            }

            var stored = operation with { ETag = Next() };
            items[operation.Id] = stored;
            return Task.FromResult<FleetOperation?>(stored);
        }
    }

    public Task<Page<FleetOperation>> ListAsync(string? project, int limit, string? continuationToken, CancellationToken cancellationToken = default) =>
        Task.FromResult(new Page<FleetOperation>(
            [.. items.Values.Where(o => project is null || o.Project == project).OrderByDescending(o => o.Id, StringComparer.Ordinal).Take(limit)], null));

    public Task<IReadOnlyList<FleetVmResult>> ResultsAsync(string id, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<FleetVmResult>>([.. (results.GetValueOrDefault(id)?.Values ?? []).OrderBy(r => r.VmId, StringComparer.Ordinal)]);

    public Task WriteResultsAsync(string id, IReadOnlyCollection<FleetVmResult> rows, CancellationToken cancellationToken = default)
    {
        var map = results.GetOrAdd(id, _ => new(StringComparer.Ordinal));
        foreach (var row in rows)
        {
            map[row.VmId] = row;
        }

        return Task.CompletedTask;
    }

    private string Next() => "W/\"" + Interlocked.Increment(ref version) + "\"";
}
