namespace VmControl.Drivers.Azure;

/// <summary>One read of ARM's operation status: its state, its error when it failed, and ARM's Retry-After.</summary>
internal sealed record AzurePollResult(OperationState State, HypervisorError? Error = null, TimeSpan? RetryAfter = null);
