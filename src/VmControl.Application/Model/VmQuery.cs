namespace VmControl.Application.Model;

/// <summary>
/// A filtered, paged VM listing. <see cref="TaskState"/> filters on a task in flight; <see cref="IdleOnly"/> on none;
/// <see cref="Project"/> on one project (null: every project, for admins and the system's own passes);
/// <see cref="NamePrefix"/> keeps the VMs whose name starts with it (case-sensitive, as names are stored);
/// <see cref="ExcludeHardDeleted"/> leaves out the tombstones of hard-deleted VMs; <see cref="Tags"/> applies Nova's tag
/// filters, from the tag index when it has a positive condition (a page may then hold fewer than the limit).
/// </summary>
public sealed record VmQuery(
    VmState? VmState = null,
    TaskState? TaskState = null,
    PowerState? PowerState = null,
    int Limit = 100,
    string? ContinuationToken = null,
    bool IdleOnly = false,
    string? Project = null,
    string? NamePrefix = null,
    bool ExcludeHardDeleted = false,
    TagFilter? Tags = null);
