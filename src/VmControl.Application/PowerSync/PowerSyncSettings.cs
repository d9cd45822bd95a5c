namespace VmControl.Application.PowerSync;

/// <summary>Power sync and reconciliation settings (section <c>PowerSync</c>).</summary>
public sealed class PowerSyncSettings
{
    /// <summary>The Functions timer's CRON schedule (<c>%PowerSync:Schedule%</c>); the Functions host reads it itself.</summary>
    public string Schedule { get; set; } = "0 */1 * * * *";

    /// <summary>The local host's interval between the end of one pass and the start of the next.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Consecutive passes a mismatch must be seen on before its alert opens (2: a reboot between passes raises nothing).</summary>
    public int MismatchPasses { get; set; } = 2;

    public HealPolicy HealPolicy { get; set; } = HealPolicy.Alert;

    /// <summary>Soft-deleted VMs idle for longer than this are hard-deleted (Nova's <c>reclaim_instance_interval</c>); zero or less turns reclaim off.</summary>
    public TimeSpan SoftDeleteRetention { get; set; } = TimeSpan.FromDays(7);

    /// <summary>How long after its deadline a task counts as stuck (the orchestrator needs a poll or two to notice a deadline itself).</summary>
    public TimeSpan StuckGrace { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// How long a task_state must have been set before a missing orchestration makes it orphaned: a request claims the
    /// task and starts the orchestration a moment later, and a finished orchestration clears the claim just before it ends.
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The cost guard: how long a VM may be stopped, idle, on a machine that is still allocated (billed) before a
    /// <c>billing_leak</c> alert opens; zero or less turns the guard off.
    /// </summary>
    public TimeSpan BillingLeakGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Page size of the VM and alert listings (the stores' maximum is 1,000).</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>Who heals and reclaims are recorded as requested by.</summary>
    public const string RequestedBy = "power-sync";

    /// <summary>Power sync as a caller: every project, no lock override (a locked or protected VM is skipped).</summary>
    public static Caller Actor { get; } = Caller.System(RequestedBy);
}
