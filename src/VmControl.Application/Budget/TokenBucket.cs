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

    /// <summary>The bucket after taking one token at <paramref name="now"/> (null when refused) and the grant.</summary>
    public (TokenBucket? Next, BudgetGrant Grant) Take(RateBudgetSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (ParkedUntil is { } parked && parked > now)
        {
            return (null, BudgetGrant.NotBefore(parked, parked: true));
        }

        var perToken = settings.Window / Math.Max(1, settings.Capacity);
        var refilled = Math.Min(settings.Capacity, Tokens + (Math.Max(0, (now - RefilledAt).Ticks) / (double)perToken.Ticks));
        if (refilled >= 1)
        {
            return (new TokenBucket(refilled - 1, now, null), BudgetGrant.Yes);
        }

        return (null, BudgetGrant.NotBefore(now + (perToken * (1 - refilled))));
    }

    public TokenBucket ParkUntil(DateTimeOffset until) =>
        ParkedUntil is { } current && current >= until ? this : this with { ParkedUntil = until };
}
