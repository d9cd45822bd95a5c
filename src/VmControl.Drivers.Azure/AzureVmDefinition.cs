using Azure.ResourceManager.Compute.Models;

namespace VmControl.Drivers.Azure;

/// <summary>The body of the create PUT: a Linux VM from an image whose network interface Azure itself manages.</summary>
internal static class AzureVmDefinition
{
    /// <summary>
    /// The network API version that lets the VM carry <c>networkInterfaceConfigurations</c>: Compute then creates the NIC
    /// itself, so no Azure.ResourceManager.Network (which the package mirror does not serve) is needed.
    /// </summary>
    public static NetworkApiVersion NetworkApi { get; } = new("2020-11-01");

    public static VirtualMachineData Build(HypervisorCommand command, string name, ImageReference image, AzureCreateSettings settings)
    {
        var data = new VirtualMachineData(settings.Location)
        {
            HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(command.Size) },
            StorageProfile = new VirtualMachineStorageProfile
            {
                ImageReference = image,

                // The OS disk was made for this VM only: it goes when the VM is deleted.
                OSDisk = new VirtualMachineOSDisk(DiskCreateOptionType.FromImage) { DeleteOption = DiskDeleteOptionType.Delete },
            },
            OSProfile = new VirtualMachineOSProfile
            {
                ComputerName = AzureVmName.ComputerName(name),
                AdminUsername = settings.AdminUsername,
                LinuxConfiguration = new LinuxConfiguration
                {
                    // Key sign-in only: the driver never holds a password.
                    IsPasswordAuthenticationDisabled = true,
                    SshPublicKeys =
                    {
                        new SshPublicKeyConfiguration { Path = $"/home/{settings.AdminUsername}/.ssh/authorized_keys", KeyData = settings.SshPublicKey },
                    },
                },
            },
            NetworkProfile = new VirtualMachineNetworkProfile
            {
                NetworkApiVersion = NetworkApi,
                NetworkInterfaceConfigurations = { Nic(name, settings) },
            },
        };

        foreach (var (key, value) in command.Tags)
        {
            data.Tags[key] = value;
        }

        // Last, so a caller's tag cannot take the key the bulk list maps machines to VMs by.
        data.Tags[AzureTags.VmId] = command.VmId;
        return data;
    }

    // One private NIC in the configured subnet, deleted with the VM (no public IP: reaching it is the network's business).
    private static VirtualMachineNetworkInterfaceConfiguration Nic(string name, AzureCreateSettings settings) => new(name + "-nic")
    {
        Primary = true,
        DeleteOption = ComputeDeleteOption.Delete,
        IPConfigurations =
        {
            new VirtualMachineNetworkInterfaceIPConfiguration(name + "-ipconfig") { Primary = true, SubnetId = settings.SubnetId },
        },
    };
}
