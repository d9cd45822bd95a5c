namespace VmControl.Application.Model;

/// <summary>Moves between an action's full record and its changing part (<see cref="ActionState"/>).</summary>
public static class ActionRecordStates
{
    public static ActionState StateOf(this ActionRecord action, string? etag)
    {
        ArgumentNullException.ThrowIfNull(action);
        var end = action.Status == ActionStatus.Running
            ? null
            : new ActionEnd(action.Status, action.VmStateAfter, action.Error, action.FinishedAt ?? action.RequestedAt);
        return new ActionState(action.StartedAt, action.Events, end, etag)
        {
            Identity = new ActionIdentity(action.Action, action.RequestedBy, action.Project, action.VmStateBefore),
        };
    }

    public static ActionRecord With(this ActionRecord action, ActionState state)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(state);
        return action with
        {
            StartedAt = state.StartedAt,
            Events = state.Events,
            Status = state.Status,
            FinishedAt = state.End?.At,
            VmStateAfter = state.End?.VmStateAfter,
            Error = state.End?.Error,
        };
    }
}
