namespace VmControl.Drivers.Simulated;

/// <summary>
/// Operations on a VM (null: every VM) and action (null: every action) that stay in progress until the hold is
/// released: tests act while an operation is certainly under way instead of guessing with latency and sleeps.
/// </summary>
/// <param name="Id">The id a release names.</param>
public sealed record SimulatedHold(string Id, string? VmId, VmAction? Action)
{
    internal bool Matches(string? vmId, VmAction? action) =>
        (VmId is null || string.Equals(VmId, vmId, StringComparison.Ordinal))
        && (Action is null || Action == action);
}
