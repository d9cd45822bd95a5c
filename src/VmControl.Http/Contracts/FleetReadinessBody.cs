namespace VmControl.Http.Contracts;

/// <summary>When a tier is ready for the next: <c>actionEnded</c> (default), <c>powerRunning</c> or <c>vmState</c> (with <c>vmState</c>), within <c>timeoutSeconds</c>.</summary>
public sealed record FleetReadinessBody(string? Condition = null, string? VmState = null, int? TimeoutSeconds = null);
