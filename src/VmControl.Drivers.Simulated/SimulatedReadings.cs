namespace VmControl.Drivers.Simulated;

/// <summary>How the simulator answers: power readings, poll outcomes and poll intervals.</summary>
internal static class SimulatedReadings
{
    // Polls come back at least this often, so a latency change or a host restart never leaves a caller waiting long.
    public static readonly TimeSpan MaxPollAfter = TimeSpan.FromSeconds(1);

    public static PowerReading Reading(MachineEntity row, DateTimeOffset now)
    {
        var power = (PowerState)row.PowerState;
        return new PowerReading(row.RowKey, row.VmId, power, PowerDetails.Of(power), now);
    }

    public static PowerReading Missing(string externalId, string? vmId, DateTimeOffset now) =>
        new(externalId, vmId, PowerState.NoState, PowerDetails.Of(PowerState.NoState), now);

    /// <summary>The answer for the row's last completed operation (a repeated poll gets the same one).</summary>
    public static OperationProgress Outcome(MachineEntity row, DateTimeOffset now) =>
        WireNames.TryParse<FaultKind>(row.CompletedFault, out var fault)
            ? new OperationProgress(OperationState.Failed, Reading(row, now), SimulatedErrors.Fault(fault, FailureKind.Started))
            : new OperationProgress(OperationState.Succeeded, Reading(row, now));

    public static TimeSpan PollAfter(MachineEntity row, DateTimeOffset now)
    {
        var remaining = (row.PendingCompletesAt ?? now) - now;
        return remaining <= TimeSpan.Zero ? TimeSpan.Zero : remaining < MaxPollAfter ? remaining : MaxPollAfter;
    }

    public static HypervisorOperation Operation(MachineEntity row, DateTimeOffset now) =>
        new(row.RowKey, row.PendingOperationId!, PollAfter(row, now));
}
