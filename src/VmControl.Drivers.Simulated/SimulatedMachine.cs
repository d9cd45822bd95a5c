namespace VmControl.Drivers.Simulated;

/// <summary>A simulated machine as the simulator holds it (for tests and the simulator API; not a driver read).</summary>
/// <param name="VmId">The control plane's VM id, or null for a machine added out of band.</param>
/// <param name="PreviousSize">The size before an unconfirmed resize.</param>
/// <param name="PendingAction">The operation under way, if any.</param>
public sealed record SimulatedMachine(
    string ExternalId,
    string? VmId,
    string Name,
    string Size,
    string Image,
    PowerState PowerState,
    string? PreviousSize,
    VmAction? PendingAction,
    DateTimeOffset? PendingCompletesAt);
