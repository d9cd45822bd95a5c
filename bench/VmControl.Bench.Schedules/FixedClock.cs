namespace VmControl.Bench.Schedules;

/// <summary>The tick's instant, fixed: a Monday 10:00 in London, inside office hours.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
