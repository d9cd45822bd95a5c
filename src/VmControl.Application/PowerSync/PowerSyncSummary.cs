namespace VmControl.Application.PowerSync;

/// <summary>What one pass saw and did (the body of <c>POST /api/power-sync</c>).</summary>
/// <param name="VmsSeen">VM records read (hard-deleted tombstones included).</param>
/// <param name="MachinesSeen">Machines the driver listed.</param>
/// <param name="Changed">VMs whose power_state (or its detail) was written.</param>
/// <param name="Writes">All VM record writes, the changed ones and the drift counters.</param>
/// <param name="DriverReads">Driver calls: bulk list pages (and nothing per VM).</param>
/// <param name="Conflicts">Writes that lost a compare-and-swap and were retried once or left to the next pass.</param>
/// <param name="TasksResumed">Accepted tasks whose orchestration never ran, started again.</param>
/// <param name="Deferred">Heals and reclaims left to a later pass for want of a rate-budget token.</param>
/// <param name="Failed">True when the pass stopped early (a driver outage changes nothing).</param>
/// <param name="Error">Why it failed.</param>
public sealed record PowerSyncSummary(
    DateTimeOffset StartedAt,
    long DurationMs,
    int VmsSeen,
    int MachinesSeen,
    int Changed,
    int Writes,
    int DriverReads,
    int Conflicts,
    int AlertsOpened,
    int AlertsBumped,
    int AlertsResolved,
    int HealsStarted,
    int Reclaimed,
    bool Failed,
    string? Error,
    int TasksResumed,
    int Deferred = 0);
