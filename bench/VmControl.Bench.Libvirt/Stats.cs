using System.Diagnostics;

namespace VmControl.Bench.Libvirt;

internal static class Stats
{
    public static long Median(List<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    public static long Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.ElapsedMilliseconds;
    }
}
