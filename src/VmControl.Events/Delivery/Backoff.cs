namespace VmControl.Events.Delivery;

/// <summary>Exponential back-off with full jitter: a random wait between zero and the attempt's cap, so many failing targets do not retry in step.</summary>
internal static class Backoff
{
    public static TimeSpan After(int failedAttempts, TimeSpan initial, TimeSpan max)
    {
        var cap = initial.Ticks * Math.Pow(2, Math.Min(failedAttempts - 1, 30));
        return TimeSpan.FromTicks((long)(Random.Shared.NextDouble() * Math.Min(cap, max.Ticks)));
    }
}
