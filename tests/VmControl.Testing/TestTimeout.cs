namespace VmControl.Testing;

/// <summary>A bound for one whole test, so that a hang fails the test instead of the run.</summary>
public static class TestTimeout
{
    public static CancellationTokenSource Start(int seconds = 120) => new(TimeSpan.FromSeconds(seconds));
}
