namespace VmControl.Application.Model;

/// <summary>
/// What one step adds to an action's record: its start time, its events and, for the last step, its end. Applied by
/// <see cref="Apply"/> the same way by every store, so a step that runs twice (activities may) changes nothing twice.
/// </summary>
public sealed record ActionChange(DateTimeOffset? StartedAt = null, IReadOnlyList<ActionEvent>? Events = null, ActionEnd? End = null)
{
    public const string StartedStep = "task.started";

    /// <summary>
    /// The action after this change, or null when it changes nothing. The first start time stands and a second
    /// <c>task.started</c> (a repeated first step) is dropped; once the action has ended, a second end and its event are
    /// dropped (the first end stands, so the history shows each task ending exactly once); an event already recorded as
    /// is is not added again; other events are kept.
    /// </summary>
    public ActionState? Apply(ActionState current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var running = current.End is null;
        var ends = running && End is not null;
        var added = (Events ?? [])
            .Where(e => !(ActionEnd.IsTerminal(e.Step) && !running) && !(e.Step == StartedStep && current.StartedAt is not null))

            // A write that landed before a storage client's retry (or a re-run step with the same events) adds nothing twice.
            .Where(e => !current.Events.Contains(e))
            .ToList();
        if (ends && !added.Concat(current.Events).Any(e => ActionEnd.IsTerminal(e.Step)))
        {
            added.Add(new ActionEvent(End!.Step, End.At, End.Status == ActionStatus.Succeeded ? "ok" : "error", End.Error?.Message));
        }

        // A step that ends the task at once records its start only as the task.started event: its time is the start.
        var startedAt = current.StartedAt ?? StartedAt ?? added.FirstOrDefault(e => e.Step == StartedStep)?.At;
        if (added.Count == 0 && !ends && startedAt == current.StartedAt)
        {
            return null;
        }

        return current with
        {
            StartedAt = startedAt,
            // In time order whatever order concurrent writers landed in (a stable sort keeps equal times as written).
            Events = [.. current.Events.Concat(added).OrderBy(e => e.At)],
            End = ends ? End : current.End,
        };
    }
}
