using VmControl.Application.Budget;

namespace VmControl.Application.Tests.Budget;

public sealed class TokenBucketTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);
    private static readonly RateBudgetSettings TenPerMinute = new() { Capacity = 10, Window = TimeSpan.FromMinutes(1) };

    public static TheoryData<double, int, bool, int> Takes => new()
    {
        // tokens left, seconds since the last refill, granted, seconds until the next token when refused
        { 10, 0, true, 0 },
        { 1, 0, true, 0 },
        { 0, 0, false, 6 },
        { 0.5, 0, false, 3 },
        { 0, 6, true, 0 },
        { 0, 3, false, 3 },
        { 0, 600, true, 0 },
    };

    [Theory]
    [MemberData(nameof(Takes))]
    public void Take_RefillsEvenlyOverTheWindow_AndSaysWhenTheNextTokenComes(double tokens, int secondsSince, bool granted, int waitSeconds)
    {
        var bucket = new TokenBucket(tokens, T0, null);

        var (next, grant) = bucket.Take(TenPerMinute, T0.AddSeconds(secondsSince));

        Assert.Equal(granted, grant.Granted);
        Assert.Equal(granted, next is not null);
        if (!granted)
        {
            Assert.Equal(T0.AddSeconds(secondsSince + waitSeconds), grant.RetryAt);
        }
    }

    [Fact]
    public void Take_NeverRefillsAboveCapacity()
    {
        var (next, _) = new TokenBucket(0, T0, null).Take(TenPerMinute, T0.AddDays(1));

        Assert.Equal(9, next!.Tokens);
    }

    [Fact]
    public void Park_RefusesUntilItEnds_ThenTheBucketGrantsAgain_AndAnEarlierParkDoesNotShortenIt()
    {
        var parked = TokenBucket.Full(TenPerMinute, T0).ParkUntil(T0.AddMinutes(20)).ParkUntil(T0.AddMinutes(5));

        var during = parked.Take(TenPerMinute, T0.AddMinutes(19));
        var after = parked.Take(TenPerMinute, T0.AddMinutes(20));

        Assert.Equal((false, T0.AddMinutes(20), true), (during.Grant.Granted, during.Grant.RetryAt, during.Grant.Parked));
        Assert.True(after.Grant.Granted);
        Assert.Null(after.Next!.ParkedUntil);
    }
}
