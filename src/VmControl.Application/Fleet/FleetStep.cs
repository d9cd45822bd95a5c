namespace VmControl.Application.Fleet;

/// <summary>The input of a step on one tier of an operation; <see cref="MayIssue"/> is false while the budget said to wait.</summary>
public sealed record FleetStep(string OperationId, int Tier, bool MayIssue = true, bool Final = false);
