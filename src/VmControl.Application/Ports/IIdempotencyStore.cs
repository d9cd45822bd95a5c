namespace VmControl.Application.Ports;

/// <summary>Stored first responses for <c>Idempotency-Key</c> replays.</summary>
public interface IIdempotencyStore
{
    /// <summary>The unexpired record for the scope and key, or null.</summary>
    Task<IdempotencyRecord?> GetAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Stores the record unless an unexpired one exists; returns false (and stores nothing) when one does.</summary>
    Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken cancellationToken = default);

    /// <summary>Deletes records that expired before <paramref name="now"/>, looking at no more than <paramref name="maxRows"/>; returns how many it deleted.</summary>
    Task<int> SweepExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default);
}
