namespace VmControl.Drivers.Simulated;

/// <summary>Start-up settings of the simulated hypervisor; latency and failure rate can change later at run time.</summary>
public sealed class SimulatorOptions
{
    public const string DefaultTableName = "SimulatedMachines";

    /// <summary>Put before <see cref="DefaultTableName"/> (letters and digits), so several hosts or tests can share an account.</summary>
    public string TablePrefix { get; set; } = string.Empty;

    public int LatencyMs { get; set; }

    public double FailureRate { get; set; }

    /// <summary>Seed of the failure-rate draws; null for a random one.</summary>
    public int? Seed { get; set; }

    /// <summary>Begins allowed per <see cref="ThrottleWindow"/> before a begin is refused as throttled; 0 (the default) is off.</summary>
    public int ThrottleCalls { get; set; }

    public TimeSpan ThrottleWindow { get; set; } = TimeSpan.FromMinutes(1);

    public string TableName => TablePrefix + DefaultTableName;

    /// <summary>What is wrong with these options (empty when nothing is): checked once, when the host starts.</summary>
    internal IEnumerable<string> Errors()
    {
        var name = TableName;
        if (name.Length > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            yield return $"Simulator: '{name}' is not a valid table name: use letters and digits only in the prefix, 63 characters at most in all.";
        }

        if (LatencyMs is < 0 or > SimulatorSettings.MaxLatencyMs)
        {
            yield return $"Simulator: LatencyMs must be from 0 to {SimulatorSettings.MaxLatencyMs}.";
        }

        if (double.IsNaN(FailureRate) || FailureRate is < 0 or > 1)
        {
            yield return "Simulator: FailureRate must be from 0 to 1.";
        }

        if (ThrottleCalls < 0 || ThrottleWindow <= TimeSpan.Zero)
        {
            yield return "Simulator: ThrottleCalls must be 0 (off) or more, and ThrottleWindow longer than zero.";
        }
    }
}
