namespace VmControl.Reliability.Tests.Support;

/// <summary>The suite's randomness is seeded and the seed printed, so a failing run can be replayed (RELIABILITY_SEED=n).</summary>
public static class Seeds
{
    public static int Next(ITestOutputHelper output, string test)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seed = int.TryParse(Environment.GetEnvironmentVariable("RELIABILITY_SEED"), out var fixedSeed) ? fixedSeed : Random.Shared.Next();
        var line = $"[reliability] {test}: seed={seed} (replay with RELIABILITY_SEED={seed})";
        output.WriteLine(line);
        Console.WriteLine(line);
        return seed;
    }
}
