namespace VmControl.Drivers.Simulated;

/// <summary>Machine ids are table row keys, so they must avoid the characters row keys cannot hold.</summary>
internal static class MachineIds
{
    private const int MaxLength = 512;

    /// <summary>An id for a machine added out of band (the control plane's VMs use their VM id).</summary>
    public static string NewUnknown() => $"sim-{Guid.NewGuid():N}";

    public static bool IsValid(string? id) =>
        !string.IsNullOrEmpty(id)
        && id.Length <= MaxLength
        && !id.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));

    public static void ThrowIfInvalid(string id)
    {
        if (!IsValid(id))
        {
            throw new HypervisorException(SimulatedErrors.InvalidMachineId(id));
        }
    }
}
