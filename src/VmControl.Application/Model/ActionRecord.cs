namespace VmControl.Application.Model;

/// <summary>One accepted action on a VM: the history entry, kept after the VM is hard-deleted.</summary>
public sealed record ActionRecord
{
    public required string Id { get; init; }

    public required string VmId { get; init; }

    /// <summary>The action's wire name: one of the lifecycle actions (<c>stop</c>, <c>reboot_hard</c>) or the admin <c>reset_state</c>.</summary>
    public required string Action { get; init; }

    /// <summary>The task state the action claimed; null for the admin reset-state, which runs no task.</summary>
    public TaskState? TaskState { get; init; }

    public ActionStatus Status { get; init; } = ActionStatus.Running;

    public DateTimeOffset RequestedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public string RequestedBy { get; init; } = "anonymous";

    /// <summary>The VM's project when the action was asked for: its events are visible to that project.</summary>
    public string Project { get; init; } = Projects.Default;

    /// <summary>The request id the caller's face gave the request that started this action (the Compute API's <c>x-compute-request-id</c>); null when it gave none.</summary>
    public string? RequestId { get; init; }

    /// <summary>The W3C trace id of the request that accepted the action: its trace in Application Insights (docs/telemetry.md); null when it was not traced.</summary>
    public string? TraceId { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    public ActionError? Error { get; init; }

    public IReadOnlyList<ActionEvent> Events { get; init; } = [];

    public VmState VmStateBefore { get; init; }

    public VmState? VmStateAfter { get; init; }

    /// <summary>
    /// An action that is not a task and ended as it was asked (reset-state, lock, unlock): recorded succeeded, with one
    /// step, so the history explains the change like any other.
    /// </summary>
    public static ActionRecord Completed(
        string id, VmRecord before, string action, VmState after, string requestedBy, DateTimeOffset at, IReadOnlyDictionary<string, string> parameters, ActionEvent step)
    {
        ArgumentNullException.ThrowIfNull(before);
        return new ActionRecord
        {
            Id = id,
            VmId = before.Id,
            Project = before.Project,
            Action = action,
            TaskState = null,
            Status = ActionStatus.Succeeded,
            RequestedAt = at,
            StartedAt = at,
            FinishedAt = at,
            RequestedBy = requestedBy,
            Parameters = parameters,
            VmStateBefore = before.VmState,
            VmStateAfter = after,
            Events = [step],
        };
    }
}
