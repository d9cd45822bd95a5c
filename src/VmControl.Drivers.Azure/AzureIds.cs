namespace VmControl.Drivers.Azure;

/// <summary>Parses external ids, which for Azure are VM resource ids.</summary>
internal static class AzureIds
{
    public static ResourceIdentifier VirtualMachine(string? externalId)
    {
        if (string.IsNullOrWhiteSpace(externalId))
        {
            throw AzureErrors.Permanent("no_external_id", "The VM has no Azure resource id yet.");
        }

        if (!ResourceIdentifier.TryParse(externalId, out var id) || id is null)
        {
            throw AzureErrors.Permanent("invalid_resource_id", $"'{externalId}' is not an Azure resource id.");
        }

        if (!string.Equals(id.ResourceType.ToString(), VirtualMachineResource.ResourceType.ToString(), StringComparison.OrdinalIgnoreCase))
        {
            throw AzureErrors.Permanent("invalid_resource_id", $"'{externalId}' is not a virtual machine (Microsoft.Compute/virtualMachines).");
        }

        return id;
    }
}
