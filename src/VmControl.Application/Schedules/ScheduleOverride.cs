namespace VmControl.Application.Schedules;

/// <summary>
/// A temporary desired state for a scheduled VM, or for the scheduled VMs a selector names, until <see cref="Until"/>:
/// past it the override is ignored (and the store's listing skips it), so it expires with no clean-up task.
/// </summary>
public sealed record ScheduleOverride
{
    public required string Id { get; init; }

    /// <summary>The VM it holds, or null when <see cref="Selector"/> names them.</summary>
    public string? VmId { get; init; }

    public Selector? Selector { get; init; }

    public DesiredPower Desired { get; init; }

    public DateTimeOffset Until { get; init; }

    public string Reason { get; init; } = string.Empty;

    /// <summary>Who set it (the authenticated principal).</summary>
    public string Author { get; init; } = "anonymous";

    /// <summary>The author's project; null for an admin, whose selector may name any project's VMs.</summary>
    public string? Project { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public string? ETag { get; init; }

    public bool IsActive(DateTimeOffset at) => CreatedAt <= at && at < Until;

    public bool Holds(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (VmId is not null)
        {
            return string.Equals(VmId, vm.Id, StringComparison.Ordinal);
        }

        return Selector is { } selector && selector.Matches(vm) && (Project is not { } project || vm.Project == project);
    }
}
