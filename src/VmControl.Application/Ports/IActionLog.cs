namespace VmControl.Application.Ports;

/// <summary>
/// The per-VM action history (Durable history is overwritten when an instance id is reused; this is not). Kept after
/// hard delete. An action is one record, its events inside it, so a task's step is one write.
/// </summary>
public interface IActionLog
{
    /// <summary>Adds the action (with any events it already has); returns its state as written.</summary>
    Task<ActionState> AppendAsync(ActionRecord action, CancellationToken cancellationToken = default);

    /// <summary>
    /// Applies <paramref name="change"/> (<see cref="ActionChange.Apply"/>) by compare-and-swap. With <paramref name="known"/>
    /// (the state the caller last wrote or read) the first attempt writes with no read; when the record changed since, it
    /// is read and the change decided again. Returns the state now stored.
    /// </summary>
    Task<ActionState> RecordAsync(
        string vmId,
        string actionId,
        ActionChange change,
        ActionState? known = null,
        CancellationToken cancellationToken = default);

    /// <summary>The action with its events, or null.</summary>
    Task<ActionRecord?> GetAsync(string vmId, string actionId, CancellationToken cancellationToken = default);

    /// <summary>The VM's actions, newest first (events not included).</summary>
    Task<Page<ActionRecord>> ListAsync(string vmId, int limit, string? continuationToken, CancellationToken cancellationToken = default);
}
