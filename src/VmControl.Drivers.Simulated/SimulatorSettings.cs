namespace VmControl.Drivers.Simulated;

/// <summary>
/// The simulator's run-time knobs (api.md's <c>PUT /api/simulator/settings</c> and <c>POST /api/simulator/faults</c>).
/// One instance per host, read on every hypervisor call, so every member is thread-safe.
/// </summary>
public sealed class SimulatorSettings
{
    public const int MaxLatencyMs = 600_000;

    // One lock for the random generator, the faults and the values: Random is not thread-safe, and a fault's
    // count-down must not hand the same fault to two concurrent callers.
    private readonly Lock gate = new();
    private readonly List<SimulatedFault> faults = [];
    private readonly List<SimulatedHold> holds = [];
    private int latencyMs;
    private double failureRate;
    private int? seed;
    private Random random;

    public SimulatorSettings(int latencyMs = 0, double failureRate = 0, int? seed = null)
    {
        this.latencyMs = ValidLatency(latencyMs);
        this.failureRate = ValidFailureRate(failureRate);
        this.seed = seed;
        random = NewRandom(seed);
    }

    /// <summary>How long every operation takes, in milliseconds (0..600,000).</summary>
    public int LatencyMs
    {
        get { lock (gate) { return latencyMs; } }
        set { var valid = ValidLatency(value); lock (gate) { latencyMs = valid; } }
    }

    /// <summary>The probability (0..1) that a <c>BeginAsync</c> fails transiently before anything changed.</summary>
    public double FailureRate
    {
        get { lock (gate) { return failureRate; } }
        set { var valid = ValidFailureRate(value); lock (gate) { failureRate = valid; } }
    }

    /// <summary>The seed of the failure-rate draws; setting it restarts the sequence. Null draws from a random seed.</summary>
    public int? Seed
    {
        get { lock (gate) { return seed; } }
        set { lock (gate) { seed = value; random = NewRandom(value); } }
    }

    public TimeSpan Latency => TimeSpan.FromMilliseconds(LatencyMs);

    /// <summary>
    /// Whether a stopped machine reads as still allocated (Azure's powerOff without deallocation), so power sync's
    /// cost guard has a billing leak to find; off, a stopped machine reads as released.
    /// </summary>
    public bool StoppedStaysAllocated { get; set; }

    /// <summary>The simulated provider rate limit (off unless set).</summary>
    public SimulatedThrottle Throttle { get; } = new();

    /// <summary>The faults that still have matching calls to fail.</summary>
    public IReadOnlyList<SimulatedFault> Faults
    {
        get { lock (gate) { return [.. faults]; } }
    }

    /// <summary>Changes the given values together (both are validated before either changes); null leaves a value as it is.</summary>
    public void Update(int? latencyMs = null, double? failureRate = null)
    {
        var latency = latencyMs is { } l ? ValidLatency(l) : (int?)null;
        var rate = failureRate is { } r ? ValidFailureRate(r) : (double?)null;
        lock (gate)
        {
            this.latencyMs = latency ?? this.latencyMs;
            this.failureRate = rate ?? this.failureRate;
        }
    }

    /// <summary>The next <paramref name="count"/> calls matching the VM (null: any) and action (null: any) fail.</summary>
    public SimulatedFault AddFault(string? vmId, VmAction? action, int count, FaultKind kind, FaultStage stage = FaultStage.Begin)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Fault kind must be transient or permanent.");
        }

        if (!Enum.IsDefined(stage))
        {
            throw new ArgumentOutOfRangeException(nameof(stage), stage, "Fault stage must be begin or complete.");
        }

        var fault = new SimulatedFault(Guid.NewGuid().ToString("N"), vmId, action, kind, stage, count);
        lock (gate)
        {
            faults.Add(fault);
        }

        return fault;
    }

    public void ClearFaults()
    {
        lock (gate)
        {
            faults.Clear();
        }
    }

    /// <summary>The holds not yet released.</summary>
    public IReadOnlyList<SimulatedHold> Holds
    {
        get { lock (gate) { return [.. holds]; } }
    }

    /// <summary>Holds every later or pending operation matching the VM (null: any) and action (null: any) until released.</summary>
    public SimulatedHold AddHold(string? vmId, VmAction? action)
    {
        var hold = new SimulatedHold(Guid.NewGuid().ToString("N"), vmId, action);
        lock (gate)
        {
            holds.Add(hold);
        }

        return hold;
    }

    /// <summary>Lets the held operations go on (they end at their next poll); false when no hold has this id.</summary>
    public bool ReleaseHold(string holdId)
    {
        lock (gate)
        {
            return holds.RemoveAll(h => string.Equals(h.Id, holdId, StringComparison.Ordinal)) > 0;
        }
    }

    /// <summary>Back to the start-up state a test may rely on: no latency, failures, faults or holds.</summary>
    public void Reset()
    {
        lock (gate)
        {
            latencyMs = 0;
            failureRate = 0;
            StoppedStaysAllocated = false;
            faults.Clear();
            holds.Clear();
        }
    }

    internal bool IsHeld(string? vmId, VmAction? action)
    {
        lock (gate)
        {
            return holds.Exists(h => h.Matches(vmId, action));
        }
    }

    /// <summary>Counts down the first fault matching the call and returns it, or null when none matches.</summary>
    internal SimulatedFault? TakeFault(string vmId, VmAction action, FaultStage stage)
    {
        lock (gate)
        {
            var index = faults.FindIndex(f => f.Matches(vmId, action, stage));
            if (index < 0)
            {
                return null;
            }

            var fault = faults[index];
            if (fault.Remaining <= 1)
            {
                faults.RemoveAt(index);
            }
            else
            {
                faults[index] = fault with { Remaining = fault.Remaining - 1 };
            }

            return fault;
        }
    }

    /// <summary>One failure-rate draw. Every call draws, so a seed gives the same sequence whatever the rate.</summary>
    internal bool DrawFailure()
    {
        lock (gate)
        {
            return random.NextDouble() < failureRate;
        }
    }

    private static int ValidLatency(int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, nameof(LatencyMs));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxLatencyMs, nameof(LatencyMs));
        return value;
    }

    private static double ValidFailureRate(double value)
    {
        if (double.IsNaN(value) || value < 0 || value > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(FailureRate), value, "Failure rate must be between 0 and 1.");
        }

        return value;
    }

    // A seeded Random is deterministic across runs of the same runtime, which is what the tests need.
#pragma warning disable CA5394 // Not security: the draws only simulate failures.
    private static Random NewRandom(int? seed) => seed is { } s ? new Random(s) : new Random();
#pragma warning restore CA5394
}
