using Azure.ResourceManager.Resources;

namespace VmControl.Drivers.Azure;

/// <summary>Create from an image: one PUT of the VM (with its Azure-managed NIC) into the configured resource group.</summary>
internal sealed class AzureVmCreator(ArmClient arm, AzureDriverOptions options)
{
    /// <returns>The new VM's resource id and the PUT's operation, or no operation when this VM already exists.</returns>
    public async Task<(string ExternalId, Operation? Operation)> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken)
    {
        // Everything that can be refused is refused here, before any request.
        var settings = AzureCreateSettings.From(options);
        RefuseOtherPlacement(command, "location", settings.Location.Name, requested => new AzureLocation(requested).Name);
        RefuseOtherPlacement(command, "resourceGroup", settings.ResourceGroup, requested => requested);
        // The resource is named after the VM id, never its display name: a display name may be any printable Unicode
        // and may be renamed later, while the resource name is fixed in the resource id.
        var name = AzureVmName.Validate(command.VmId);
        var image = AzureImage.Parse(command.Image);
        if (string.IsNullOrWhiteSpace(command.Size))
        {
            throw AzureErrors.Permanent("invalid_size", "Creating an Azure VM needs a size (an Azure VM size name such as Standard_B2s).");
        }

        var id = VirtualMachineResource.CreateResourceIdentifier(options.SubscriptionId, settings.ResourceGroup, name);
        var existing = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            // A repeated begin (the activity retried after the PUT went through) finds its own VM: the poll settles it.
            if (existing.Data.Tags.TryGetValue(AzureTags.VmId, out var owner) && string.Equals(owner, command.VmId, StringComparison.Ordinal))
            {
                return (id.ToString(), null);
            }

            // A PUT would update that VM in place, so a name clash is refused rather than sent.
            throw AzureErrors.Permanent("name_taken", $"Resource group '{settings.ResourceGroup}' already has a VM named '{name}' that this VM does not own.");
        }

        var group = arm.GetResourceGroupResource(ResourceGroupResource.CreateResourceIdentifier(options.SubscriptionId, settings.ResourceGroup));
        var data = AzureVmDefinition.Build(command, name, image, settings);
        var operation = await group.GetVirtualMachines().CreateOrUpdateAsync(WaitUntil.Started, name, data, cancellationToken).ConfigureAwait(false);
        return (id.ToString(), operation);
    }

    // New VMs go where the settings say (the app's rights and the subnet's region are set up for that place); a request
    // for somewhere else is refused rather than silently placed elsewhere.
    // Locations compare by ARM name, so "West Europe" is "westeurope".
    private static void RefuseOtherPlacement(HypervisorCommand command, string parameter, string configured, Func<string, string> normalise)
    {
        if (command.Parameters.TryGetValue(parameter, out var requested)
            && !string.IsNullOrWhiteSpace(requested)
            && !string.Equals(normalise(requested.Trim()), configured, StringComparison.OrdinalIgnoreCase))
        {
            throw AzureErrors.Permanent(
                "placement_unsupported",
                $"The Azure driver creates VMs only in its configured {parameter} '{configured}', not '{requested}'.");
        }
    }

    private async Task<VirtualMachineResource?> FindAsync(ResourceIdentifier id, CancellationToken cancellationToken)
    {
        try
        {
            return (await arm.GetVirtualMachineResource(id).GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }
}
