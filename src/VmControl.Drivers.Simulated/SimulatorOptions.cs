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

    public string TableName => TablePrefix + DefaultTableName;

    /// <summary>Throws when the table name is not one Table Storage accepts (letters and digits, 3-63, a letter first).</summary>
    internal void Validate()
    {
        var name = TableName;
        if (name.Length > 63 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"'{name}' is not a valid table name: use letters and digits only in the prefix, 63 characters at most in all.", nameof(TablePrefix));
        }
    }
}
