namespace VmControl.Infrastructure.Simulation;

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
}
