namespace VmControl.Application.Model;

/// <summary>A filtered, paged VM listing. <see cref="TaskState"/> filters on a task in flight; <see cref="IdleOnly"/> on none.</summary>
public sealed record VmQuery(
    VmState? VmState = null,
    TaskState? TaskState = null,
    PowerState? PowerState = null,
    int Limit = 100,
    string? ContinuationToken = null,
    bool IdleOnly = false);
