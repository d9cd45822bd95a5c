using VmControl.Application.Ports;

namespace VmControl.Testing.Fakes;

/// <summary>An in-memory record set with real ETag compare-and-swap.</summary>
public sealed class FakeRecordSet<T>(Func<T, string> idOf, Func<T, string?> etagOf, Func<T, string, T> withETag) : IRecordSet<T>
    where T : class
{
    private readonly Lock gate = new();
    private readonly SortedDictionary<string, T> rows = new(StringComparer.Ordinal);
    private long version;

    public Task<T?> AddAsync(T record, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (rows.ContainsKey(idOf(record)))
            {
                return Task.FromResult<T?>(null);
            }

            var stored = withETag(record, "W/\"" + ++version + "\"");
            rows[idOf(record)] = stored;
            return Task.FromResult<T?>(stored);
        }
    }

    public Task<T?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.GetValueOrDefault(id));
        }
    }

    public Task<T?> TryReplaceAsync(T record, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!rows.TryGetValue(idOf(record), out var current) || etagOf(current) != etagOf(record))
            {
                return Task.FromResult<T?>(null);
            }

            var stored = withETag(record, "W/\"" + ++version + "\"");
            rows[idOf(record)] = stored;
            return Task.FromResult<T?>(stored);
        }
    }

    public Task<RecordDeletion> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!rows.TryGetValue(id, out var current))
            {
                return Task.FromResult(RecordDeletion.NotFound);
            }

            if (ifMatch is not null && etagOf(current) != ifMatch)
            {
                return Task.FromResult(RecordDeletion.Moved);
            }

            rows.Remove(id);
            return Task.FromResult(RecordDeletion.Deleted);
        }
    }

    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult<IReadOnlyList<T>>([.. rows.Values]);
        }
    }
}
