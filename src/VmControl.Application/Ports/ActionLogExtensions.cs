namespace VmControl.Application.Ports;

/// <summary>The single-purpose writes of the action history, each one <see cref="IActionLog.RecordAsync"/>.</summary>
public static class ActionLogExtensions
{
    /// <summary>Marks the action started (the orchestration picked it up); the first start time stands.</summary>
    public static Task MarkStartedAsync(this IActionLog log, string vmId, string actionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        Record(log, vmId, actionId, new ActionChange(StartedAt: at), cancellationToken);

    public static Task AddEventAsync(this IActionLog log, string vmId, string actionId, ActionEvent actionEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionEvent);
        return Record(log, vmId, actionId, new ActionChange(Events: [actionEvent]), cancellationToken);
    }

    /// <summary>Ends the action, with its terminal event. A second finish of a finished action is ignored (activities may run twice).</summary>
    public static Task FinishAsync(
        this IActionLog log,
        string vmId,
        string actionId,
        ActionStatus status,
        VmState? vmStateAfter,
        ActionError? error,
        DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (status == ActionStatus.Running)
        {
            throw new ArgumentException("An action finishes as succeeded, failed or preempted.", nameof(status));
        }

        return Record(log, vmId, actionId, new ActionChange(End: new ActionEnd(status, vmStateAfter, error, at)), cancellationToken);
    }

    private static Task Record(IActionLog log, string vmId, string actionId, ActionChange change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        return log.RecordAsync(vmId, actionId, change, known: null, cancellationToken);
    }
}
