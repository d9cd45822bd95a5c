using VmControl.Application.Model;
using VmControl.Domain;

namespace VmControl.Application.Ports;

/// <summary>The per-VM action history (Durable history is overwritten when an instance id is reused; this is not). Kept after hard delete.</summary>
public interface IActionLog
{
    Task AppendAsync(ActionRecord action, CancellationToken cancellationToken = default);

    /// <summary>Marks the action started (the orchestration picked it up).</summary>
    Task MarkStartedAsync(string vmId, string actionId, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task AddEventAsync(string vmId, string actionId, ActionEvent actionEvent, CancellationToken cancellationToken = default);

    /// <summary>Ends the action. A second finish of a finished action is ignored (activities may run twice).</summary>
    Task FinishAsync(
        string vmId,
        string actionId,
        ActionStatus status,
        VmState? vmStateAfter,
        ActionError? error,
        DateTimeOffset at,
        CancellationToken cancellationToken = default);

    /// <summary>The action with its events, or null.</summary>
    Task<ActionRecord?> GetAsync(string vmId, string actionId, CancellationToken cancellationToken = default);

    /// <summary>The VM's actions, newest first (events not included).</summary>
    Task<Page<ActionRecord>> ListAsync(string vmId, int limit, string? continuationToken, CancellationToken cancellationToken = default);
}
