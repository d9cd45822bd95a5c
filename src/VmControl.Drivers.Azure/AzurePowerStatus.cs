namespace VmControl.Drivers.Azure;

/// <summary>What a VM's instance-view status codes say: its power, the native detail, and its provisioning state.</summary>
/// <param name="PowerState">The power mapped onto Nova's codes.</param>
/// <param name="Detail">The native <c>PowerState/*</c> value (or <c>hibernated</c>), null when missing.</param>
/// <param name="Provisioning">The <c>ProvisioningState/*</c> value (e.g. <c>succeeded</c>, <c>failed</c>), null when missing.</param>
/// <param name="ProvisioningError">The error code after <c>ProvisioningState/failed/</c>, if any.</param>
internal sealed record AzurePowerStatus(PowerState PowerState, string? Detail, string? Provisioning, string? ProvisioningError)
{
    public bool ProvisioningFailed => string.Equals(Provisioning, "failed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Creating, updating, deleting, migrating: an operation is still moving the VM.</summary>
    public bool ProvisioningBusy =>
        Provisioning is not null
        && !ProvisioningFailed
        && !string.Equals(Provisioning, "succeeded", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Whether the VM holds its host (billed for compute): every power state but <c>deallocated</c>/<c>deallocating</c>
    /// and hibernated; null when Azure reports no power state.
    /// </summary>
    public static bool? IsAllocated(string? detail) => detail switch
    {
        null or "unknown" or "not_found" => null,
        "deallocated" or "deallocating" or "hibernated" => false,
        _ => true,
    };
}
