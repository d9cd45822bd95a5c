namespace VmControl.Drivers.Azure;

/// <summary>Where the Azure driver works. Identifiers only: credentials come from the token credential, never from here.</summary>
public sealed class AzureDriverOptions
{
    public string SubscriptionId { get; set; } = string.Empty;

    /// <summary>The resource group snapshots are created in (and, with <see cref="AzureListScope.ResourceGroup"/>, the one listed).</summary>
    public string ResourceGroup { get; set; } = string.Empty;

    /// <summary>
    /// The other resource groups (of <see cref="SubscriptionId"/>) whose VMs this app manages, comma-separated
    /// (setting <c>Azure__ManagedResourceGroups</c>; Bicep writes the groups it granted roles on). Adopting a VM is
    /// allowed only in these and <see cref="ResourceGroup"/>.
    /// </summary>
    public string? ManagedResourceGroups { get; set; }

    /// <summary>The region new resources go to; snapshots use the VM's own region when it is known.</summary>
    public string Location { get; set; } = string.Empty;

    /// <summary>The subnet new VMs' network interfaces join (a <c>Microsoft.Network/virtualNetworks/subnets</c> resource id).</summary>
    public string? SubnetId { get; set; }

    /// <summary>The Linux admin user of VMs the driver creates (setting <c>Azure__AdminUsername</c>).</summary>
    public string? AdminUsername { get; set; }

    /// <summary>
    /// The SSH public key (one OpenSSH public-key line) put on VMs the driver creates (setting
    /// <c>Azure__SshPublicKey</c>). A public key is not a secret; password sign-in is always disabled.
    /// </summary>
    public string? SshPublicKey { get; set; }

    public AzureStopMode StopMode { get; set; } = AzureStopMode.Deallocate;

    /// <summary>Whether delete passes <c>forceDeletion=true</c> (faster, skips the guest's graceful shutdown).</summary>
    public bool ForceDelete { get; set; }

    public AzureListScope ListScope { get; set; } = AzureListScope.Subscription;

    /// <summary>How many VMs a bulk-read page asks for; ARM may answer with fewer or more.</summary>
    public int PageSizeHint { get; set; } = 1000;

    /// <summary>The first poll's delay when ARM gives no Retry-After.</summary>
    public TimeSpan DefaultPollAfter { get; set; } = TimeSpan.FromSeconds(15);
}
