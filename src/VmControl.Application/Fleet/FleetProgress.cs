namespace VmControl.Application.Fleet;

/// <summary>The part of a fleet operation its progress events follow: its status and the tier in progress.</summary>
public sealed record FleetProgress(FleetStatus Status, int CurrentTier);
