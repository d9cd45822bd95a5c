namespace VmControl.Application.Fleet;

/// <summary>
/// A fleet operation (docs/fleet.md): one action on many VMs, each through its own lock, in ordered tiers. What was asked
/// never changes; <see cref="Status"/>, the tier in progress and the cancel request change by compare-and-swap on
/// <see cref="ETag"/>. The per-VM results are kept beside it (<see cref="FleetVmResult"/>).
/// </summary>
public sealed record FleetOperation
{
    public required string Id { get; init; }

    public required VmAction Action { get; init; }

    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>The VMs named one by one; null when <see cref="Selector"/> names them.</summary>
    public IReadOnlyList<string>? VmIds { get; init; }

    /// <summary>The VMs named by filters, resolved when the operation starts; null when <see cref="VmIds"/> names them.</summary>
    public Selector? Selector { get; init; }

    /// <summary>Tiers as selectors, in start order: a VM goes to the first that matches it; VMs no tier matches come last.</summary>
    public IReadOnlyList<Selector> Tiers { get; init; } = [];

    /// <summary>Tiers by a tag key (<c>tier</c>): the VMs are grouped by the tag's value, in numeric order, untagged last.</summary>
    public string? TierTag { get; init; }

    public TimeSpan TierDelay { get; init; }

    public FleetReadiness Readiness { get; init; } = FleetReadiness.ActionEnded;

    /// <summary>At most this many of the operation's actions are in flight at once.</summary>
    public int Concurrency { get; init; } = 50;

    public FleetStatus Status { get; init; } = FleetStatus.Pending;

    /// <summary>Who asked, with the rights every VM's action is checked against.</summary>
    public required string CreatedBy { get; init; }

    public Role CreatorRole { get; init; } = Role.Operator;

    /// <summary>The creator's project: who but admins sees the operation, and whose VMs a non-admin's selector names.</summary>
    public string Project { get; init; } = Projects.Default;

    /// <summary>The tier in progress (1-based, in run order); 0 before the first.</summary>
    public int CurrentTier { get; init; }

    public int TierCount { get; init; }

    /// <summary>How many VMs the operation placed (known once planned).</summary>
    public int VmCount { get; init; }

    /// <summary>The VMs' results counted by status (wire names) when the operation ended; null before.</summary>
    public IReadOnlyDictionary<string, int>? FinalCounts { get; init; }

    /// <summary>The status and tier as last read from or written to the store (set by the store, like the ETag), so a
    /// write can tell which progress events it publishes without reading again; null for a record never stored.</summary>
    public FleetProgress? Stored { get; init; }

    public bool CancelRequested { get; init; }

    /// <summary>Why the operation could not run at all (its target named too many VMs); null otherwise.</summary>
    public string? Error { get; init; }

    public string? CancelledBy { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public string? ETag { get; init; }

    public bool IsFinished => Ended(Status);

    /// <summary>Whether <paramref name="status"/> is one an operation ends in.</summary>
    public static bool Ended(FleetStatus status) =>
        status is FleetStatus.Succeeded or FleetStatus.PartiallySucceeded or FleetStatus.Failed or FleetStatus.Cancelled;

    /// <summary>The name every VM action of this operation is requested by (the history's <c>requestedBy</c>).</summary>
    public string Initiator => FleetIds.Initiator(Id);

    /// <summary>The caller each VM's action is checked as: the operation, with its creator's role and project.</summary>
    public Caller Caller => new(Initiator, CreatorRole, Project);
}
