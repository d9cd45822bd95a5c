namespace VmControl.Application.Tasks;

/// <summary>
/// Per-action task deadlines (settings <c>Tasks:Deadlines:{action}</c>) and the pre-emption and hand-over waits, bound
/// from the section <c>Tasks</c> and checked at start (<see cref="Settings.TaskSettingsValidation"/>). The orchestrator's
/// longest pause between polls is not a setting: it is a constant, so that a replay waits exactly as the first run did.
/// </summary>
public sealed class TaskSettings
{
    /// <summary>The deadline of an action without its own entry.</summary>
    public TimeSpan DefaultDeadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Deadlines by action wire name (e.g. <c>create</c>: 30 minutes).</summary>
    public Dictionary<string, TimeSpan> Deadlines { get; } = new(StringComparer.Ordinal)
    {
        ["create"] = TimeSpan.FromMinutes(30),
        ["resize"] = TimeSpan.FromMinutes(30),
        ["rebuild"] = TimeSpan.FromMinutes(30),
        ["migrate"] = TimeSpan.FromMinutes(30),
        ["snapshot"] = TimeSpan.FromMinutes(60),
        ["backup"] = TimeSpan.FromMinutes(60),
    };

    /// <summary>How long hard delete waits for a pre-empted orchestration to end before it starts anyway.</summary>
    public TimeSpan PreemptWait { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a new task waits for the previous task's orchestration to end after it released the VM.</summary>
    public TimeSpan LockHandoverWait { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a request that claimed the VM but could not record or start its task keeps trying to give the claim back
    /// while the store does not answer (a claim left behind keeps the VM busy until an operator resets it).
    /// </summary>
    public TimeSpan ReleaseRetryWindow { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan DeadlineOf(VmAction action) =>
        Deadlines.TryGetValue(action.ToWire(), out var d) ? d : DefaultDeadline;
}
