using Azure.ResourceManager.Compute.Models;

namespace VmControl.Drivers.Azure;

/// <summary>Starts each action's ARM call with <see cref="WaitUntil.Started"/>; the orchestrator polls the rest.</summary>
internal sealed class AzureActionStarter(ArmClient arm, AzureDriverOptions options, AzureSnapshotStarter snapshots, AzureVmCreator creator, TimeProvider clock)
{
    public async Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken)
    {
        if (command.Action == VmAction.Create)
        {
            if (command.Parameters.ContainsKey("resourceId"))
            {
                return await AdoptAsync(command, cancellationToken).ConfigureAwait(false);
            }

            var (newId, created) = await creator.BeginAsync(command, cancellationToken).ConfigureAwait(false);
            return ToOperation(newId, created, then: null);
        }

        var id = AzureIds.VirtualMachine(command.ExternalId);
        var vm = arm.GetVirtualMachineResource(id);
        var externalId = id.ToString();
        Operation? operation = command.Action switch
        {
            VmAction.Start or VmAction.Restore or VmAction.Resume => await vm.PowerOnAsync(WaitUntil.Started, cancellationToken).ConfigureAwait(false),
            VmAction.Stop => options.StopMode == AzureStopMode.Deallocate
                ? await vm.DeallocateAsync(WaitUntil.Started, hibernate: null, cancellationToken).ConfigureAwait(false)
                : await vm.PowerOffAsync(WaitUntil.Started, skipShutdown: false, cancellationToken).ConfigureAwait(false),
            VmAction.Reboot => await vm.RestartAsync(WaitUntil.Started, cancellationToken).ConfigureAwait(false),

            // Azure has no hard reset. Restart is graceful and Redeploy moves hosts, so neither is honest; powerOff with
            // skipShutdown=true cuts power without asking the guest, and the poll then powers it on: that is a hard reboot.
            VmAction.RebootHard => await vm.PowerOffAsync(WaitUntil.Started, skipShutdown: true, cancellationToken).ConfigureAwait(false),
            VmAction.Suspend => await HibernateAsync(vm, cancellationToken).ConfigureAwait(false),
            VmAction.Resize => await ResizeAsync(vm, RequiredParameter(command, "size"), cancellationToken).ConfigureAwait(false),

            // Azure applies a resize at once: there is nothing left to confirm.
            VmAction.ConfirmResize => null,
            VmAction.RevertResize => await RevertResizeAsync(vm, cancellationToken).ConfigureAwait(false),
            VmAction.Rebuild => await ReimageAsync(vm, command, cancellationToken).ConfigureAwait(false),

            // Redeploy moves the VM to a new host in the same region: the nearest thing to a migration.
            VmAction.Migrate => await vm.RedeployAsync(WaitUntil.Started, cancellationToken).ConfigureAwait(false),
            VmAction.Snapshot or VmAction.Backup => await snapshots.BeginAsync(vm, command, cancellationToken).ConfigureAwait(false),

            // Soft delete keeps the disks and stops billing for compute; restore powers it back on.
            VmAction.SoftDelete => await vm.DeallocateAsync(WaitUntil.Started, hibernate: null, cancellationToken).ConfigureAwait(false),
            VmAction.Delete => await vm.DeleteAsync(WaitUntil.Started, options.ForceDelete ? true : null, cancellationToken).ConfigureAwait(false),
            _ => throw AzureErrors.Permanent("unsupported_action", $"The Azure driver does not do {command.Action}."),
        };

        var then = command.Action == VmAction.RebootHard ? AzureOperationHandle.PowerOnStep : null;
        return ToOperation(externalId, operation, then);
    }

    private HypervisorOperation ToOperation(string externalId, Operation? operation, string? then)
    {
        if (operation is null)
        {
            return new HypervisorOperation(externalId, (AzureOperationHandle.Done with { Then = then }).Encode(), TimeSpan.Zero);
        }

        var response = operation.GetRawResponse();
        AzureOperationHandle handle;
        if (response.Headers.TryGetValue("Azure-AsyncOperation", out var asyncUrl))
        {
            handle = new AzureOperationHandle(AzureOperationHandle.AsyncKind, asyncUrl, then);
        }
        else if (response.Headers.TryGetValue("Location", out var location))
        {
            handle = new AzureOperationHandle(AzureOperationHandle.LocationKind, location, then);
        }
        else
        {
            // ARM finished synchronously (200 with no polling header): the poll reads the VM itself.
            handle = AzureOperationHandle.Done with { Then = then };
        }

        var pollAfter = AzureRetryAfter.From(response, clock) ?? options.DefaultPollAfter;
        return new HypervisorOperation(externalId, handle.Encode(), pollAfter);
    }

    /// <summary>Create with a <c>resourceId</c> adopts that existing VM: it is tagged with this VM's id, nothing else changes.</summary>
    private async Task<HypervisorOperation> AdoptAsync(HypervisorCommand command, CancellationToken cancellationToken)
    {
        // An empty resourceId is a caller's mistake, not a request to create: AzureIds refuses it as no_external_id.
        var id = AzureIds.VirtualMachine(command.Parameters["resourceId"]);
        AzureAdoptScope.Require(options, id);
        var vm = (await arm.GetVirtualMachineResource(id).GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value;
        if (vm.Data.Tags.TryGetValue(AzureTags.VmId, out var owner))
        {
            if (string.Equals(owner, command.VmId, StringComparison.Ordinal))
            {
                return ToOperation(id.ToString(), operation: null, then: null);
            }

            throw AzureErrors.Permanent("already_adopted", $"The Azure VM is already managed as VM '{owner}'.");
        }

        var patch = TagPatch(vm.Data.Tags);
        patch.Tags[AzureTags.VmId] = command.VmId;
        var operation = await vm.UpdateAsync(WaitUntil.Started, patch, cancellationToken).ConfigureAwait(false);
        return ToOperation(id.ToString(), operation, then: null);
    }

    private static async Task<Operation> HibernateAsync(VirtualMachineResource vm, CancellationToken cancellationToken)
    {
        var data = (await vm.GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value.Data;
        if (data.AdditionalCapabilities?.HibernationEnabled != true)
        {
            throw AzureErrors.Permanent(
                "hibernation_not_enabled",
                "Suspend on Azure is hibernation, and this VM was not created with hibernation enabled (additionalCapabilities.hibernationEnabled).");
        }

        return await vm.DeallocateAsync(WaitUntil.Started, hibernate: true, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Operation> ResizeAsync(VirtualMachineResource vm, string size, CancellationToken cancellationToken)
    {
        var data = (await vm.GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value.Data;
        var patch = TagPatch(data.Tags);
        if (data.HardwareProfile?.VmSize is { } current)
        {
            // Kept so that revert_resize can go back: Azure itself forgets the old size.
            patch.Tags[AzureTags.PreviousSize] = current.ToString();
        }

        patch.HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(size) };
        return await vm.UpdateAsync(WaitUntil.Started, patch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Operation> RevertResizeAsync(VirtualMachineResource vm, CancellationToken cancellationToken)
    {
        var data = (await vm.GetAsync(expand: null, cancellationToken).ConfigureAwait(false)).Value.Data;
        if (!data.Tags.TryGetValue(AzureTags.PreviousSize, out var previous))
        {
            throw AzureErrors.Permanent("no_previous_size", "The VM has no recorded size from before the resize to go back to.");
        }

        var patch = TagPatch(data.Tags);
        patch.Tags.Remove(AzureTags.PreviousSize);
        patch.HardwareProfile = new VirtualMachineHardwareProfile { VmSize = new VirtualMachineSizeType(previous) };
        return await vm.UpdateAsync(WaitUntil.Started, patch, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<Operation> ReimageAsync(VirtualMachineResource vm, HypervisorCommand command, CancellationToken cancellationToken)
    {
        // Reimage restores the VM's own image; switching to another image would mean recreating the VM.
        if (command.Parameters.TryGetValue("image", out var image) && !string.Equals(image, command.Image, StringComparison.OrdinalIgnoreCase))
        {
            throw AzureErrors.Permanent("rebuild_image_change_unsupported", "Azure reimage keeps the VM's image; rebuilding onto another image is not supported.");
        }

        return await vm.ReimageAsync(WaitUntil.Started, new VirtualMachineReimageContent(), cancellationToken).ConfigureAwait(false);
    }

    // A PATCH replaces the tag set, so it carries the existing tags too.
    private static VirtualMachinePatch TagPatch(IDictionary<string, string> existing)
    {
        var patch = new VirtualMachinePatch();
        foreach (var (key, value) in existing)
        {
            patch.Tags[key] = value;
        }

        return patch;
    }

    private static string RequiredParameter(HypervisorCommand command, string name) =>
        command.Parameters.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw AzureErrors.Permanent("missing_parameter", $"The {command.Action} action needs '{name}'.");
}
