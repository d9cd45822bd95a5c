namespace VmControl.Drivers.Simulated;

/// <summary>A targeted fault as configured, with the number of matching calls it still fails.</summary>
/// <param name="Id">The fault's id (to tell faults apart in listings).</param>
/// <param name="VmId">The VM it hits; null hits every VM.</param>
/// <param name="Action">The action it hits; null hits every action.</param>
/// <param name="Remaining">How many more matching calls fail.</param>
public sealed record SimulatedFault(string Id, string? VmId, VmAction? Action, FaultKind Kind, FaultStage Stage, int Remaining)
{
    internal bool Matches(string vmId, VmAction action, FaultStage stage) =>
        Stage == stage
        && (VmId is null || string.Equals(VmId, vmId, StringComparison.Ordinal))
        && (Action is null || Action == action);
}
