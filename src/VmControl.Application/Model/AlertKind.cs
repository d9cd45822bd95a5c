namespace VmControl.Application.Model;

public enum AlertKind
{
    PowerMismatch,
    StuckTask,
    OrphanedTask,
    MissingOnHypervisor,
    UnknownOnHypervisor,

    /// <summary>A schedule's action was issued and the VM did not reach the desired state within the grace (docs/schedules.md).</summary>
    ScheduleDeviation,

    /// <summary>A stopped VM whose machine is still allocated (and billed) past the grace (docs/power-sync.md).</summary>
    BillingLeak,
}
