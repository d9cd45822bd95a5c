namespace VmControl.Application.Fleet;

/// <summary>
/// A tier after one step: how many of its VMs have actions in flight, how many wait their turn, when the budget grants
/// again (null: it did not refuse), whether a cancel was asked, and (readiness steps) how many are not ready yet.
/// </summary>
public sealed record FleetTierState(int Running, int Pending, DateTimeOffset? RetryAt, bool CancelRequested, int NotReady = 0);
