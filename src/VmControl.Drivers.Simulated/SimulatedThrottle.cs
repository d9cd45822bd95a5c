namespace VmControl.Drivers.Simulated;

/// <summary>
/// A provider's rate limit, simulated (docs/simulator.md): past <see cref="Calls"/> begins in a fixed window, a begin
/// is refused as throttled with a Retry-After to the window's end, as Azure Resource Manager answers 429. Off at 0.
/// It also keeps the most begins it let through in any one window, so a test can check a budget held.
/// </summary>
public sealed class SimulatedThrottle
{
    private readonly Lock gate = new();
    private int calls;
    private TimeSpan window = TimeSpan.FromMinutes(1);
    private DateTimeOffset windowStart;
    private int inWindow;
    private int most;
    private long refused;

    public int Calls
    {
        get { lock (gate) { return calls; } }
    }

    public TimeSpan Window
    {
        get { lock (gate) { return window; } }
    }

    /// <summary>The most begins let through in one window since the throttle was last set.</summary>
    public int MostInAWindow
    {
        get { lock (gate) { return most; } }
    }

    public long Refused => Interlocked.Read(ref refused);

    public void Set(int calls, TimeSpan window)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calls);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        lock (gate)
        {
            (this.calls, this.window, windowStart, inWindow, most) = (calls, window, default, 0, 0);
        }
    }

    /// <summary>Counts a begin at <paramref name="now"/>: null when it may go on, else how long until the window ends.</summary>
    public TimeSpan? Take(DateTimeOffset now)
    {
        lock (gate)
        {
            if (calls == 0)
            {
                return null;
            }

            if (now >= windowStart + window)
            {
                (windowStart, inWindow) = (now, 0);
            }

            if (inWindow >= calls)
            {
                Interlocked.Increment(ref refused);
                return windowStart + window - now;
            }

            inWindow++;
            most = Math.Max(most, inWindow);
            return null;
        }
    }
}
