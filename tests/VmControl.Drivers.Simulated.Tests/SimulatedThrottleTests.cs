namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedThrottleTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 6, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void PastTheCallsOfAWindow_RefusesWithTheTimeLeftInIt_AndANewWindowLetsCallsThroughAgain()
    {
        var throttle = new SimulatedThrottle();
        throttle.Set(3, TimeSpan.FromMinutes(1));

        var first = Enumerable.Range(0, 3).Select(i => throttle.Take(T0.AddSeconds(i))).ToList();
        var refused = throttle.Take(T0.AddSeconds(20));
        var nextWindow = throttle.Take(T0.AddMinutes(1));

        Assert.All(first, Assert.Null);
        Assert.Equal(TimeSpan.FromSeconds(40), refused);
        Assert.Null(nextWindow);
        Assert.Equal((3, 1L), (throttle.MostInAWindow, throttle.Refused));
    }

    [Fact]
    public void Off_LetsEverythingThrough()
    {
        var throttle = new SimulatedThrottle();

        Assert.All(Enumerable.Range(0, 1000).Select(i => throttle.Take(T0)), Assert.Null);
        Assert.Equal(0, throttle.MostInAWindow);
    }
}
