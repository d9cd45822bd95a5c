namespace VmControl.Application.Ports;

/// <summary>A machine's power state as the driver read it, with the driver's native state kept as <see cref="Detail"/>.</summary>
/// <param name="ExternalId">The driver's id of the machine.</param>
/// <param name="VmId">The control plane's VM id the machine is tagged with, or null for a machine no VM claims.</param>
/// <param name="PowerState">The power state mapped onto Nova's codes.</param>
/// <param name="Detail">The native state (e.g. Azure's <c>deallocated</c>).</param>
/// <param name="ObservedAt">When it was read.</param>
public sealed record PowerReading(string ExternalId, string? VmId, PowerState PowerState, string? Detail, DateTimeOffset ObservedAt)
{
    /// <summary>
    /// Whether the machine still holds its host (and is billed for it): Azure's "stopped" (powerOff) is, "deallocated"
    /// is not. Null when the driver cannot tell. Power sync's cost guard reads it (docs/power-sync.md).
    /// </summary>
    public bool? Allocated { get; init; }
}
