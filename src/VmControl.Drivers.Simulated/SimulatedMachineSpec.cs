namespace VmControl.Drivers.Simulated;

/// <summary>A machine to put on the simulated hypervisor directly (out of band, or seeding thousands for a benchmark).</summary>
/// <param name="VmId">The control plane's VM it belongs to; null for a machine the control plane does not know.</param>
/// <param name="ExternalId">Its id; null gives the VM id, or a new <c>sim-</c> id when there is no VM.</param>
public sealed record SimulatedMachineSpec(
    string Name,
    PowerState PowerState,
    string? VmId = null,
    string? ExternalId = null,
    string Size = SimulatedMachineSpec.DefaultSize,
    string Image = SimulatedMachineSpec.DefaultImage)
{
    public const string DefaultSize = "sim.small";

    public const string DefaultImage = "sim-image";
}
