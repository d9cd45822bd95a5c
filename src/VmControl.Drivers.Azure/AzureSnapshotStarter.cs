using System.Text;
using Azure.ResourceManager.Compute.Models;
using Azure.ResourceManager.Resources;

namespace VmControl.Drivers.Azure;

/// <summary>Snapshot and backup: a managed-disk snapshot (a copy) of the VM's OS disk.</summary>
internal sealed class AzureSnapshotStarter(ArmClient arm, AzureDriverOptions options)
{
    // Azure snapshot names: 1-80 letters, digits, '_', '.', '-'.
    private const int MaxNameLength = 80;

    public async Task<Operation> BeginAsync(VirtualMachineResource vm, HypervisorCommand command, CancellationToken cancellationToken)
    {
        var data = (await vm.GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value.Data;
        var osDisk = data.StorageProfile?.OSDisk?.ManagedDisk?.Id
            ?? throw AzureErrors.Permanent("no_managed_os_disk", "The VM's OS disk is not a managed disk, so it cannot be snapshotted.");

        var group = string.IsNullOrEmpty(options.ResourceGroup) ? vm.Id.ResourceGroupName : options.ResourceGroup;
        var groupId = ResourceGroupResource.CreateResourceIdentifier(vm.Id.SubscriptionId, group);

        // A snapshot must live in the disk's region.
        var snapshot = new SnapshotData(data.Location)
        {
            CreationData = new DiskCreationData(DiskCreateOption.Copy) { SourceResourceId = osDisk },
        };
        snapshot.Tags[AzureTags.VmId] = command.VmId;
        var name = SnapshotName(command.Parameters.GetValueOrDefault("name") ?? $"{command.VmId}-{command.Action}");
        return await arm.GetResourceGroupResource(groupId).GetSnapshots()
            .CreateOrUpdateAsync(WaitUntil.Started, name, snapshot, cancellationToken)
            .ConfigureAwait(false);
    }

    internal static string SnapshotName(string requested)
    {
        var name = new StringBuilder(requested.Length);
        foreach (var c in requested)
        {
            name.Append(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-' ? c : '-');
        }

        var text = name.ToString().TrimEnd('.');
        return text.Length > MaxNameLength ? text[..MaxNameLength] : text;
    }
}
