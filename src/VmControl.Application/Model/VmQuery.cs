namespace VmControl.Application.Model;

/// <summary>
/// A filtered, paged VM listing. <see cref="TaskState"/> filters on a task in flight; <see cref="IdleOnly"/> on none;
/// <see cref="Project"/> on one project (null: every project, for admins and the system's own passes).
/// </summary>
public sealed record VmQuery(
    VmState? VmState = null,
    TaskState? TaskState = null,
    PowerState? PowerState = null,
    int Limit = 100,
    string? ContinuationToken = null,
    bool IdleOnly = false,
    string? Project = null);
