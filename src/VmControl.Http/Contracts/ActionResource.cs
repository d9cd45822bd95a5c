using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>One action of a VM's history (docs/api.md); <see cref="TraceId"/> finds its request's trace (docs/telemetry.md).</summary>
public sealed record ActionResource(
    string Id,
    string VmId,
    string Action,
    string? TaskState,
    string Status,
    DateTimeOffset RequestedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? FinishedAt,
    string RequestedBy,
    string? TraceId,
    IReadOnlyDictionary<string, string> Parameters,
    ActionErrorResource? Error,
    IReadOnlyList<ActionEventResource> Events,
    string VmStateBefore,
    string? VmStateAfter)
{
    public static ActionResource From(ActionRecord action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return new(
            action.Id,
            action.VmId,
            action.Action,
            action.TaskState?.ToWire(),
            action.Status.ToWire(),
            action.RequestedAt,
            action.StartedAt,
            action.FinishedAt,
            action.RequestedBy,
            action.TraceId,
            action.Parameters,
            action.Error is { } e ? new ActionErrorResource(e.Code, e.Message) : null,
            [.. action.Events.Select(e => new ActionEventResource(e.Step, e.At, e.Result, e.Detail))],
            action.VmStateBefore.ToWire(),
            action.VmStateAfter?.ToWire());
    }
}
