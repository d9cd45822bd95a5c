namespace VmControl.Drivers.Simulated;

/// <summary>The simulator's error codes, in one place so tests and the API see stable values.</summary>
internal static class SimulatedErrors
{
    public static HypervisorError RandomFailure() =>
        new("simulated_transient_failure", "The simulated hypervisor failed the call (failure rate).", Transient: true, FailureKind.NothingChanged);

    public static HypervisorError Fault(FaultKind kind, FailureKind failure) =>
        new(
            kind == FaultKind.Transient ? "simulated_transient_fault" : "simulated_permanent_fault",
            failure == FailureKind.Started
                ? "The simulated hypervisor started the operation and it failed (injected fault)."
                : "The simulated hypervisor refused the call (injected fault).",
            Transient: kind == FaultKind.Transient,
            failure);

    public static HypervisorError MachineNotFound(string externalId) =>
        new("machine_not_found", $"The simulated hypervisor has no machine {externalId}.", Transient: false, FailureKind.NothingChanged);

    public static HypervisorError InvalidMachineId(string externalId) =>
        new("invalid_machine_id", $"'{externalId}' cannot be a machine id (empty, too long, or has / \\ # ? or control characters).", Transient: false, FailureKind.NothingChanged);

    // Transient: the other operation completes by itself, so a retry after it succeeds (Azure's 409 OperationNotAllowed retried).
    public static HypervisorError Busy(string externalId, string pendingAction) =>
        new("operation_in_progress", $"Machine {externalId} is busy with {pendingAction}.", Transient: true, FailureKind.NothingChanged);

    public static HypervisorError UnknownOperation(string operationId) =>
        new("operation_not_found", $"The simulated hypervisor has no operation {operationId} (superseded, or never started).", Transient: false, FailureKind.Started);

    public static HypervisorError MachineGone(string externalId) =>
        new("machine_not_found", $"Machine {externalId} disappeared while the operation ran.", Transient: false, FailureKind.Started);
}
