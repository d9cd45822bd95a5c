namespace VmControl.OpenStack.Identity;

/// <summary>
/// Slows password guessing: at most <see cref="PerUser"/> failed logins per user name and <see cref="PerAddress"/>
/// per remote address within a sliding <see cref="Window"/>; past either, Keystone answers 429 without checking the
/// password. In memory (one process, as the LocalHost that serves this face is), bounded by sweeping stale keys.
/// </summary>
public sealed class LoginThrottle(TimeProvider time)
{
    public const int PerUser = 5;
    public const int PerAddress = 20;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    /// <summary>Past this many tracked keys, keys whose failures are all outside the window are dropped.</summary>
    private const int SweepAbove = 10_000;

    private readonly Dictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);
    private readonly Lock gate = new();

    /// <summary>How long the caller must wait before trying again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(string user, string address)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            var wait = Wait(UserKey(user), PerUser, now);
            var addressWait = Wait(AddressKey(address), PerAddress, now);
            return wait is null ? addressWait : addressWait is null || wait > addressWait ? wait : addressWait;
        }
    }

    public void Failed(string user, string address)
    {
        var now = time.GetUtcNow();
        lock (gate)
        {
            if (failures.Count > SweepAbove)
            {
                Sweep(now);
            }

            Record(UserKey(user), now);
            Record(AddressKey(address), now);
        }
    }

    /// <summary>A successful login clears the user's count (not the address's: one right password must not unlock guessing others).</summary>
    public void Succeeded(string user)
    {
        lock (gate)
        {
            failures.Remove(UserKey(user));
        }
    }

    private static string UserKey(string user) => "u:" + user;

    private static string AddressKey(string address) => "a:" + address;

    private TimeSpan? Wait(string key, int limit, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            return null;
        }

        Trim(times, now);
        if (times.Count < limit)
        {
            return null;
        }

        // The oldest failure that still counts leaves the window first; only then is there room for one more try.
        return times.ElementAt(times.Count - limit) + Window - now;
    }

    private void Record(string key, DateTimeOffset now)
    {
        if (!failures.TryGetValue(key, out var times))
        {
            times = new Queue<DateTimeOffset>();
            failures[key] = times;
        }

        Trim(times, now);
        times.Enqueue(now);

        // Only the newest PerAddress failures can matter; older ones would only hold memory.
        while (times.Count > PerAddress)
        {
            times.Dequeue();
        }
    }

    private void Sweep(DateTimeOffset now)
    {
        foreach (var (key, times) in failures.ToList())
        {
            Trim(times, now);
            if (times.Count == 0)
            {
                failures.Remove(key);
            }
        }
    }

    private static void Trim(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.TryPeek(out var oldest) && oldest + Window <= now)
        {
            times.Dequeue();
        }
    }
}
