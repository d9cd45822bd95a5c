namespace VmControl.Application.Fleet;

/// <summary>
/// What the orchestrator needs of an operation once its VMs are placed in tiers (the per-VM rows hold the rest):
/// recorded in its history, so every replay runs the same tiers, waits and limits.
/// </summary>
public sealed record FleetPlan(int TierCount, TimeSpan TierDelay, FleetReadiness Readiness, string? Error = null);
