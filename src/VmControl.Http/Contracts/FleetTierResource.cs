namespace VmControl.Http.Contracts;

/// <summary>One tier's progress: its number in run order, its VMs, and their counts by status.</summary>
public sealed record FleetTierResource(int Tier, int Vms, IReadOnlyDictionary<string, int> Counts);
