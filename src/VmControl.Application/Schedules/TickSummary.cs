namespace VmControl.Application.Schedules;

/// <summary>What one schedule tick saw and did.</summary>
/// <param name="StartedAt">The tick's instant: every schedule was evaluated at it.</param>
/// <param name="DurationMs">Wall time.</param>
/// <param name="Schedules">Enabled schedules.</param>
/// <param name="VmsSeen">VM records read.</param>
/// <param name="Scheduled">VMs some schedule claims.</param>
/// <param name="Reached">Scheduled VMs already in their desired state.</param>
/// <param name="Issued">Actions accepted this tick.</param>
/// <param name="Deferred">Actions left to a later tick for want of a rate-budget token.</param>
/// <param name="Deviations">VMs whose action was issued and which still differ past the grace (alert open).</param>
/// <param name="SkippedCount">VMs that differ and were skipped, by every reason.</param>
/// <param name="Skipped">The first skipped VMs with their reasons.</param>
/// <param name="TableReads">Store reads (pages) the tick made: VM pages, schedule sets, alerts, and point reads for VMs that differ.</param>
/// <param name="Failed">An outage ended the tick early; the next one starts over.</param>
/// <param name="Error">The outage.</param>
public sealed record TickSummary(
    DateTimeOffset StartedAt,
    long DurationMs,
    int Schedules,
    int VmsSeen,
    int Scheduled,
    int Reached,
    int Issued,
    int Deferred,
    int Deviations,
    int SkippedCount,
    IReadOnlyList<TickSkip> Skipped,
    int TableReads,
    bool Failed,
    string? Error);
