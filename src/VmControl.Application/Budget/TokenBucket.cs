namespace VmControl.Application.Budget;

/// <summary>
/// The token bucket's arithmetic, pure so it can be tested on its own: <see cref="RateBudgetSettings.Capacity"/> tokens,
/// refilled evenly over <see cref="RateBudgetSettings.Window"/>, never above capacity; a park refuses everything until it ends.
/// </summary>
public sealed record TokenBucket(double Tokens, DateTimeOffset RefilledAt, DateTimeOffset? ParkedUntil)
{
    public static TokenBucket Full(RateBudgetSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new(settings.Capacity, now, null);
    }

    /// <summary>
    /// The bucket after taking up to <paramref name="count"/> tokens at <paramref name="now"/> (null when none was granted)
    /// and the grant: how many, and when the next token comes if fewer than asked.
    /// </summary>
    public (TokenBucket? Next, BudgetGrant Grant) Take(RateBudgetSettings settings, DateTimeOffset now, int count = 1)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (ParkedUntil is { } parked && parked > now)
        {
            return (null, BudgetGrant.NotBefore(parked, parked: true));
        }

        var perToken = settings.Window / Math.Max(1, settings.Capacity);
        var refilled = Refilled(settings, now, perToken);
        var granted = (int)Math.Min(count, Math.Floor(refilled));
        if (granted == 0)
        {
            return (null, BudgetGrant.NotBefore(now + (perToken * (1 - refilled))));
        }

        var left = refilled - granted;
        var retryAt = granted < count ? now + (perToken * Math.Max(0, 1 - left)) : (DateTimeOffset?)null;
        return (new TokenBucket(left, now, null), new BudgetGrant(true, retryAt, Count: granted));
    }

    /// <summary>The bucket with <paramref name="count"/> unused tokens given back (a start that did not happen), never above capacity.</summary>
    public TokenBucket GiveBack(RateBudgetSettings settings, DateTimeOffset now, int count)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var perToken = settings.Window / Math.Max(1, settings.Capacity);
        return this with { Tokens = Math.Min(settings.Capacity, Refilled(settings, now, perToken) + count), RefilledAt = now };
    }

    private double Refilled(RateBudgetSettings settings, DateTimeOffset now, TimeSpan perToken) =>
        Math.Min(settings.Capacity, Tokens + (Math.Max(0, (now - RefilledAt).Ticks) / (double)perToken.Ticks));

    public TokenBucket ParkUntil(DateTimeOffset until) =>
        ParkedUntil is { } current && current >= until ? this : this with { ParkedUntil = until };
}
