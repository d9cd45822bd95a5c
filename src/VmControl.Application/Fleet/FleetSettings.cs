namespace VmControl.Application.Fleet;

/// <summary>Settings of fleet operations (section <c>Fleet</c>, docs/configuration.md).</summary>
public sealed class FleetSettings
{
    public const string Section = "Fleet";

    /// <summary>How often a running operation looks at its actions in flight (a durable timer between looks).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long one step waits for an action in flight to end before handing back to the orchestration.</summary>
    public TimeSpan StepWait { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>The most VMs one operation may act on.</summary>
    public int MaxVms { get; set; } = 10_000;

    /// <summary>How many VMs' actions one step asks for at once (storage calls in parallel).</summary>
    public int Parallelism { get; set; } = 32;
}
