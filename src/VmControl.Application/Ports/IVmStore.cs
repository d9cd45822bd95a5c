namespace VmControl.Application.Ports;

/// <summary>
/// The VM records. Every change is a compare-and-swap on the record's ETag (<see cref="TryReplaceAsync"/>); the
/// task-state rules of docs/lifecycle.md §2 (claim, expected task_state, force deleting) are built on it in
/// <see cref="TaskLock"/>.
/// </summary>
public interface IVmStore
{
    /// <summary>Stores a new record; throws <see cref="InvalidOperationException"/> if the id exists.</summary>
    Task<VmRecord> CreateAsync(VmRecord vm, CancellationToken cancellationToken = default);

    /// <summary>The record with its current ETag, or null if no VM has that id.</summary>
    Task<VmRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Replaces the record if its ETag is still <paramref name="vm"/>'s; returns the stored record, or null when it moved on.</summary>
    Task<VmRecord?> TryReplaceAsync(VmRecord vm, CancellationToken cancellationToken = default);

    /// <summary>A filtered page; throws <see cref="InvalidContinuationTokenException"/> for a token this store did not issue.</summary>
    Task<Page<VmRecord>> ListAsync(VmQuery query, CancellationToken cancellationToken = default);
}
