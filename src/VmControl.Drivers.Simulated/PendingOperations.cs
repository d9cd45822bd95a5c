namespace VmControl.Drivers.Simulated;

/// <summary>Starting and completing the one operation a machine row can have pending.</summary>
internal static class PendingOperations
{
    public static bool HasPending(this MachineEntity machine) => machine.PendingOperationId is not null;

    public static bool IsDue(this MachineEntity machine, DateTimeOffset now) =>
        machine.PendingCompletesAt is { } at && at <= now;

    public static VmAction? PendingActionOf(this MachineEntity machine) =>
        WireNames.TryParse<VmAction>(machine.PendingAction, out var action) ? action : null;

    public static void Start(this MachineEntity machine, VmAction action, string operationId, DateTimeOffset completesAt, FaultKind? fault, string? target)
    {
        machine.PendingAction = action.ToWire();
        machine.PendingOperationId = operationId;
        machine.PendingCompletesAt = completesAt;
        machine.PendingFault = fault?.ToWire();
        machine.PendingTarget = target;
    }

    /// <summary>
    /// Completes the pending operation in memory: a success applies its transition, an injected failure leaves the
    /// machine as it was. Returns false when the machine is removed (a successful delete).
    /// </summary>
    public static bool Complete(this MachineEntity machine)
    {
        var action = machine.PendingActionOf();
        var exists = machine.PendingFault is not null || action is null
            || SimulatedTransitions.Apply(machine, action.Value, machine.PendingTarget);
        machine.CompletedOperationId = machine.PendingOperationId;
        machine.CompletedFault = machine.PendingFault;
        machine.PendingAction = null;
        machine.PendingOperationId = null;
        machine.PendingCompletesAt = null;
        machine.PendingFault = null;
        machine.PendingTarget = null;
        return exists;
    }

    /// <summary>
    /// The machine as it is at <paramref name="now"/>: a due operation counts as done even if nobody polled it yet
    /// (a real hypervisor finishes on its own). Null when that removes the machine. Nothing is written.
    /// </summary>
    public static MachineEntity? AsOf(this MachineEntity machine, DateTimeOffset now)
    {
        if (!machine.IsDue(now))
        {
            return machine;
        }

        var copy = machine.Clone();
        return copy.Complete() ? copy : null;
    }
}
