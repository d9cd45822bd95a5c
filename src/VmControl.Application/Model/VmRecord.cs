namespace VmControl.Application.Model;

/// <summary>A VM as the store keeps it. <see cref="ETag"/> is the store's version, used for every compare-and-swap.</summary>
public sealed record VmRecord
{
    public required string Id { get; init; }

    public required string Name { get; init; }

    public required string Size { get; init; }

    public required string Image { get; init; }

    /// <summary>A free-text description (Nova's <c>description</c>, microversion 2.19); null when none.</summary>
    public string? Description { get; init; }

    /// <summary>Nova's <c>accessIPv4</c>: an address the user set for reaching the VM; null when none.</summary>
    public string? AccessIPv4 { get; init; }

    /// <summary>Nova's <c>accessIPv6</c>; null when none.</summary>
    public string? AccessIPv6 { get; init; }

    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();

    /// <summary>The project the VM belongs to; callers of other projects (but admins) do not see it.</summary>
    public string Project { get; init; } = Projects.Default;

    /// <summary>Nova's lock: non-admins may not act on the VM (docs/lifecycle.md §4).</summary>
    public bool Locked { get; init; }

    public string? LockedReason { get; init; }

    /// <summary>Who locked it (the principal's name); null when unlocked.</summary>
    public string? LockedBy { get; init; }

    /// <summary>Whether an admin set the lock: then only an admin may lift it (Nova's <c>locked_by: admin</c>).</summary>
    public bool LockedByAdmin { get; init; }

    public DateTimeOffset? LockedAt { get; init; }

    /// <summary>Delete and soft delete are refused while set.</summary>
    public bool DeleteProtection { get; init; }

    /// <summary>Stop and suspend are refused while set.</summary>
    public bool StopProtection { get; init; }

    public VmState VmState { get; init; } = VmState.Initialized;

    public TaskState? TaskState { get; init; }

    public PowerState PowerState { get; init; } = PowerState.NoState;

    public string? PowerStateDetail { get; init; }

    public DateTimeOffset? PowerStateObservedAt { get; init; }

    /// <summary>The vm_state before a resize, kept while resized (confirm, revert and the power check need it).</summary>
    public VmState? StateBeforeResize { get; init; }

    /// <summary>The size before a resize, kept while resized so revert can go back to it.</summary>
    public string? SizeBeforeResize { get; init; }

    /// <summary>The action of the task in flight, or of the last task.</summary>
    public string? CurrentActionId { get; init; }

    /// <summary>When the task in flight must have ended; past it, power sync reports the task stuck.</summary>
    public DateTimeOffset? TaskDeadline { get; init; }

    public VmFault? Fault { get; init; }

    /// <summary>The driver that owns the machine (<c>simulated</c>, <c>azure</c>).</summary>
    public required string Driver { get; init; }

    /// <summary>The driver's own id of the machine (an ARM resource id); null until the machine exists.</summary>
    public string? ExternalId { get; init; }

    /// <summary>Power sync: consecutive passes that saw this idle VM inconsistent (capped at the alert threshold); 0 when consistent.</summary>
    public int DriftPasses { get; init; }

    /// <summary>Power sync: when the current run of inconsistent passes began; null when consistent.</summary>
    public DateTimeOffset? DriftSince { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The store's version of this record; null before it was stored.</summary>
    public string? ETag { get; init; }

    /// <summary>
    /// The statuses as stored when this record was read or written (set by the store, kept by <c>with</c> like
    /// <see cref="ETag"/>): the store publishes what a write changed against it.
    /// </summary>
    public VmStatus? StoredStatus { get; init; }

    /// <summary>The tags as stored when this record was read or written (set by the store, like <see cref="StoredStatus"/>): the tag index follows the change.</summary>
    public IReadOnlyDictionary<string, string>? StoredTags { get; init; }

    public VmStatus Status => new(VmState, TaskState, PowerState, StateBeforeResize);

    public VmSafeguards Safeguards => new(Locked, LockedReason, DeleteProtection, StopProtection);

    /// <summary>Copies the statuses of <paramref name="status"/> onto this record.</summary>
    public VmRecord With(VmStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        return this with
        {
            VmState = status.VmState,
            TaskState = status.TaskState,
            PowerState = status.PowerState,
            StateBeforeResize = status.StateBeforeResize,
        };
    }
}
