namespace VmControl.Http.Contracts;

/// <summary>
/// The body of <c>POST /api/fleet-operations</c> (docs/fleet.md): the action with its parameters as on one VM, the
/// target (VM ids or a selector), and optional tiers (selectors, or a tag key), delay, readiness and concurrency.
/// </summary>
public sealed record FleetOperationBody(
    string? Action,
    string? Type = null,
    string? Size = null,
    string? Image = null,
    string? Name = null,
    FleetTargetBody? Target = null,
    IReadOnlyList<SelectorBody>? Tiers = null,
    string? TierTag = null,
    int? TierDelaySeconds = null,
    FleetReadinessBody? Readiness = null,
    int? Concurrency = null);
