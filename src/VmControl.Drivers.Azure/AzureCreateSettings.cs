namespace VmControl.Drivers.Azure;

/// <summary>The settings creating a VM needs, checked together so one error names every missing one.</summary>
internal sealed record AzureCreateSettings(string ResourceGroup, AzureLocation Location, ResourceIdentifier SubnetId, string AdminUsername, string SshPublicKey)
{
    public static AzureCreateSettings From(AzureDriverOptions options)
    {
        var missing = new List<string>();
        Require(options.ResourceGroup, "Azure__ResourceGroup", missing);
        Require(options.Location, "Azure__Location", missing);
        Require(options.SubnetId, "Azure__SubnetId", missing);
        Require(options.AdminUsername, "Azure__AdminUsername", missing);
        Require(options.SshPublicKey, "Azure__SshPublicKey", missing);
        if (missing.Count > 0)
        {
            throw AzureErrors.Permanent(
                "create_not_configured",
                $"Creating an Azure VM from an image needs the settings {string.Join(", ", missing)} (the admin user and the SSH public key "
                + "of new Linux VMs, the subnet their network interface joins, where they go). Set them, or adopt an existing VM by passing its resourceId.");
        }

        if (!ResourceIdentifier.TryParse(options.SubnetId, out var subnet) || subnet is null
            || !string.Equals(subnet.ResourceType.ToString(), "Microsoft.Network/virtualNetworks/subnets", StringComparison.OrdinalIgnoreCase))
        {
            throw AzureErrors.Permanent(
                "create_not_configured",
                $"Azure__SubnetId '{options.SubnetId}' is not a subnet resource id (/subscriptions/.../providers/Microsoft.Network/virtualNetworks/{{vnet}}/subnets/{{subnet}}).");
        }

        return new AzureCreateSettings(options.ResourceGroup, new AzureLocation(options.Location), subnet, options.AdminUsername!.Trim(), options.SshPublicKey!.Trim());
    }

    private static void Require(string? value, string setting, List<string> missing)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            missing.Add(setting);
        }
    }
}
