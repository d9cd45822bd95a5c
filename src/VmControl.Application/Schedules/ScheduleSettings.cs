namespace VmControl.Application.Schedules;

/// <summary>The schedule tick's settings (section <c>Schedules</c>, docs/configuration.md).</summary>
public sealed class ScheduleSettings
{
    /// <summary>The local host's interval between the end of one tick and the start of the next; zero or less turns the tick off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long after a schedule's action the VM may still differ before a <c>schedule_deviation</c> alert opens.</summary>
    public TimeSpan DeviationGrace { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Page size of the tick's VM listing (the store's maximum is 1,000): ceil(N / PageSize) reads for N VMs.</summary>
    public int PageSize { get; set; } = 1000;

    /// <summary>How many skipped VMs a tick's summary lists by name (all are counted).</summary>
    public int SkipsListed { get; set; } = 100;
}
