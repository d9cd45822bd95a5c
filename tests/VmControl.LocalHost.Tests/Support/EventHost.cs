namespace VmControl.LocalHost.Tests.Support;

/// <summary>
/// The command line of a LocalHost for delivery tests: retries in milliseconds rather than seconds, so a test that
/// fails a receiver for a while does not wait out production back-off. Add more <c>--Events:...</c> settings after these.
/// </summary>
public static class EventHost
{
    public static IReadOnlyList<string> Arguments { get; } =
    [
        "--Events:Delivery:InitialBackoff=00:00:00.050",
        "--Events:Delivery:MaxBackoff=00:00:01",
        "--Events:Delivery:Timeout=00:00:05",
        "--Events:RecoverAfter=00:00:05",
    ];
}
