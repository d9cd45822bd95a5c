using System.Diagnostics;

namespace VmControl.Bench.Libvirt;

internal static class Stats
{
    public static long Median(List<long> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }

    /// <summary>"min-max": how far apart the samples were, printed beside each median.</summary>
    public static string Spread(List<long> values) => values.Count == 0 ? "-" : $"{values.Min()}-{values.Max()}";

    public static long Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.ElapsedMilliseconds;
    }
}
