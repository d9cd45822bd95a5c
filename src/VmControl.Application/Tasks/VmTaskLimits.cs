namespace VmControl.Application.Tasks;

/// <summary>
/// The orchestrator's fixed budgets. Constants of a registration, never settings: an orchestrator must compute the same
/// retries and timers on every replay, so a change here is a change of the orchestrator (a new version).
/// </summary>
/// <param name="Attempts">Attempts of a step that fails transiently (the first included).</param>
/// <param name="FirstRetry">The wait before the first retry; it doubles for each next one (at most 30 s).</param>
/// <param name="MaxPolls">Polls of one operation before the task gives up (bounds the history: a timer and an activity a poll).</param>
public sealed record VmTaskLimits(int Attempts, TimeSpan FirstRetry, int MaxPolls)
{
    /// <summary>Six attempts over about 31 s; the deadline normally ends the polling far sooner than 1000 polls.</summary>
    public static VmTaskLimits Default { get; } = new(6, TimeSpan.FromSeconds(1), 1000);
}
