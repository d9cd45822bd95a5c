namespace VmControl.Application.Model;

/// <summary>
/// The changing part of an action's record as one writer last saw it (start, events, end) with the row's
/// <see cref="ETag"/>. A task carries it from step to step, so each step writes the row with no read first; a write that
/// finds the row changed under it reads it again and decides afresh.
/// </summary>
public sealed record ActionState(DateTimeOffset? StartedAt, IReadOnlyList<ActionEvent> Events, ActionEnd? End, string? ETag)
{
    public ActionStatus Status => End?.Status ?? ActionStatus.Running;

    /// <summary>The action's fixed part, when the state was read or written with it (null in states recorded before it existed).</summary>
    public ActionIdentity? Identity { get; init; }
}
