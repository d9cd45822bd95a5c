namespace VmControl.Application.Model;

/// <summary>
/// A set of VMs named by the VM listing's filters, as one object (docs/fleet.md): what a fleet operation, a tier of one
/// or a schedule targets. It is resolved when it is used, so it follows the VMs' tags and states as they change.
/// Every condition given must hold; an empty selector names every VM the caller sees. Hard-deleted tombstones never match.
/// </summary>
public sealed record Selector
{
    public static Selector Everything { get; } = new();

    public TagFilter Tags { get; init; } = TagFilter.None;

    public VmState? VmState { get; init; }

    public PowerState? PowerState { get; init; }

    public TaskState? TaskState { get; init; }

    /// <summary>Only VMs with no task in flight (the listing's <c>taskState=none</c>).</summary>
    public bool IdleOnly { get; init; }

    public string? NamePrefix { get; init; }

    /// <summary>Narrows an admin's selection to one project; anyone else's selection is their own project whatever it says.</summary>
    public string? Project { get; init; }

    /// <summary>The page query that lists this selection.</summary>
    public VmQuery ToQuery(int limit, string? continuationToken = null) => new(
        VmState, TaskState, PowerState, limit, continuationToken, IdleOnly, Project, NamePrefix, ExcludeHardDeleted: true,
        Tags: Tags.IsEmpty ? null : Tags);

    /// <summary>Whether <paramref name="vm"/> is in the selection now (a VM that changed since it was listed may not be).</summary>
    public bool Matches(VmRecord vm)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return vm.VmState != Domain.VmState.HardDeleted
            && (VmState is not { } state || vm.VmState == state)
            && (PowerState is not { } power || vm.PowerState == power)
            && (TaskState is not { } task || vm.TaskState == task)
            && (!IdleOnly || vm.TaskState is null)
            && (string.IsNullOrEmpty(NamePrefix) || vm.Name.StartsWith(NamePrefix, StringComparison.Ordinal))
            && (Project is not { } project || vm.Project == project)
            && Tags.Matches(vm.Tags);
    }
}
