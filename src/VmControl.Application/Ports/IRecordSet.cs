namespace VmControl.Application.Ports;

/// <summary>
/// A small set of records kept whole (schedules, calendars, overrides): every change is a compare-and-swap on the
/// record's ETag, and a listing reads the set a page at a time (there are few, and the schedule tick reads them all).
/// </summary>
public interface IRecordSet<T>
    where T : class
{
    /// <summary>Stores a new record; null when one has its id.</summary>
    Task<T?> AddAsync(T record, CancellationToken cancellationToken = default);

    Task<T?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record if its ETag is still the given record's; null when it moved on or is gone.</summary>
    Task<T?> TryReplaceAsync(T record, CancellationToken cancellationToken = default);

    /// <summary>Deletes the record (only at <paramref name="ifMatch"/> when given).</summary>
    Task<RecordDeletion> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken = default);

    /// <summary>Every record, in id order.</summary>
    Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default);
}
