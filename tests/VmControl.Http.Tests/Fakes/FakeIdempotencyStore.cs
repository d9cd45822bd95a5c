namespace VmControl.Http.Tests.Fakes;

public sealed class FakeIdempotencyStore : IIdempotencyStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Scope, string Key), IdempotencyRecord> rows = [];

    public Task<IdempotencyRecord?> GetAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(rows.TryGetValue((scope, key), out var r) && r.ExpiresAt > now ? r : null);
        }
    }

    public Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (gate)
        {
            if (rows.TryGetValue((record.Scope, record.Key), out var r) && r.ExpiresAt > record.CreatedAt)
            {
                return Task.FromResult(false);
            }

            rows[(record.Scope, record.Key)] = record;
            return Task.FromResult(true);
        }
    }

    public int Count
    {
        get
        {
            lock (gate)
            {
                return rows.Count;
            }
        }
    }

    public Task<int> SweepExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            var expired = rows.Where(r => r.Value.ExpiresAt < now).Take(maxRows).Select(r => r.Key).ToList();
            expired.ForEach(k => rows.Remove(k));
            return Task.FromResult(expired.Count);
        }
    }
}
