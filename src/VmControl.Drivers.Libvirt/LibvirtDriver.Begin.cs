namespace VmControl.Drivers.Libvirt;

public sealed partial class LibvirtDriver
{
    // Each action first looks at the domain, so a repeated begin (an activity that ran twice) finds the work done and
    // does not do it again.
    private HypervisorOperation Begin(ConnectHandle c, HypervisorCommand command, string uuid)
    {
        if (command.Action == VmAction.Create)
        {
            return Create(c, command, uuid);
        }

        using var domain = LibvirtDomains.Find(c, uuid);
        if (domain is null)
        {
            return command.Action == VmAction.Delete
                ? DoneNow(uuid, PowerState.NoState, "not_found")
                : throw LibvirtErrors.Permanent("not_found", $"The host has no domain for VM {command.VmId} ({uuid}).");
        }

        var (state, _) = LibvirtDomains.State(domain);
        switch (command.Action)
        {
            case VmAction.Start or VmAction.Resume or VmAction.Restore:
                StartIfOff(domain);
                break;
            case VmAction.Stop:
                return Stop(domain, uuid, state);
            case VmAction.SoftDelete:
                return SoftDelete(c, domain, command.VmId, uuid, state);
            case VmAction.Reboot:
                LibvirtDomains.Check(LibvirtNative.virDomainReboot(domain, LibvirtFlags.RebootAcpiPowerButton), "Rebooting the domain (ACPI)");
                break;
            case VmAction.RebootHard when state is 5 or 3:
                // A fresh boot: a paused guest would stay paused through a reset, a saved one would resume its memory.
                LibvirtDomains.DestroyIfActive(domain);
                DropManagedSave(domain);
                StartIfOff(domain);
                break;
            case VmAction.RebootHard:
                LibvirtDomains.Check(LibvirtNative.virDomainReset(domain, 0), "Resetting the domain");
                break;
            case VmAction.Pause when state is not 3:
                LibvirtDomains.Check(LibvirtNative.virDomainSuspend(domain), "Pausing the domain");
                break;
            case VmAction.Unpause when state is 3:
                LibvirtDomains.Check(LibvirtNative.virDomainResume(domain), "Unpausing the domain");
                break;
            case VmAction.Suspend when state is not 5:
                LibvirtDomains.Check(LibvirtNative.virDomainManagedSave(domain, 0), "Saving the domain (managed save)");
                break;
            case VmAction.Rescue:
                Rescue(c, domain, command.VmId);
                break;
            case VmAction.Unrescue:
                Unrescue(c, domain, command.VmId);
                break;
            case VmAction.Resize:
                Resize(c, domain, command);
                break;
            case VmAction.ConfirmResize:
                File.Delete(paths.ResizeKept(command.VmId));
                break;
            case VmAction.RevertResize:
                RevertResize(c, domain, command.VmId);
                break;
            case VmAction.Rebuild:
                Rebuild(c, domain, command);
                break;
            case VmAction.Snapshot or VmAction.Backup:
                CopyDisk(command);
                break;
            case VmAction.Delete:
                Delete(domain, command.VmId);
                return DoneNow(uuid, PowerState.NoState, "undefined");
        }

        return DoneNow(uuid, domain);
    }

    private HypervisorOperation Create(ConnectHandle c, HypervisorCommand command, string uuid)
    {
        var image = ImageOf(command.Image);
        var size = SizeOf(command.Size);
        using var existing = LibvirtDomains.Find(c, uuid);
        if (existing is not null)
        {
            StartIfOff(existing);
            return DoneNow(uuid, existing);
        }

        Directory.CreateDirectory(options.StateFolder);
        if (image.Disk is not null)
        {
            disks.CreateOverlay(image, paths.Disk(command.VmId));
        }

        File.Delete(paths.Console(command.VmId));
        using var domain = LibvirtDomains.Define(c, LibvirtDomainXml.Build(options, paths, command.VmId, command.Name, image, size));

        // Nova's create boots the instance.
        StartIfOff(domain);
        return DoneNow(uuid, domain);
    }

    private HypervisorOperation Stop(DomainHandle domain, string uuid, int state)
    {
        if (state is 5 or 0)
        {
            return DoneNow(uuid, domain);
        }

        if (state is 3)
        {
            // A paused guest cannot see the power button.
            LibvirtDomains.Check(LibvirtNative.virDomainDestroy(domain), "Destroying the paused domain");
            return DoneNow(uuid, domain);
        }

        var deadline = clock.GetUtcNow() + options.StopTimeout;
        LibvirtDomains.Check(LibvirtNative.virDomainShutdown(domain), "Shutting the domain down (ACPI)");

        // A quick guest is off within a second or two: waiting here a little saves the orchestrator's poll round trips.
        var settle = clock.GetUtcNow() + options.SettleWait;
        while (clock.GetUtcNow() < settle && LibvirtDomains.IsActive(domain))
        {
            Thread.Sleep(50);
        }

        return LibvirtDomains.IsActive(domain)
            ? new HypervisorOperation(uuid, LibvirtOperation.Stop(deadline), options.PollAfter)
            : DoneNow(uuid, domain);
    }

    // Soft delete leaves the domain shut off with its definition and disk: a rescue ends (its saved definition is put
    // back, so restore boots the VM's own system) and a managed save is dropped (restore is a power-on, not a resume).
    private HypervisorOperation SoftDelete(ConnectHandle c, DomainHandle domain, string vmId, string uuid, int state)
    {
        var rescueKept = paths.RescueKept(vmId);
        if (File.Exists(rescueKept))
        {
            Restore(c, domain, rescueKept, start: false);
            return DoneNow(uuid, domain);
        }

        if (state is 5)
        {
            DropManagedSave(domain);
        }

        return Stop(domain, uuid, state);
    }

    private static void DropManagedSave(DomainHandle domain)
    {
        if (LibvirtDomains.HasManagedSave(domain))
        {
            LibvirtDomains.Check(LibvirtNative.virDomainManagedSaveRemove(domain, 0), "Removing the domain's managed save");
        }
    }

    private static void StartIfOff(DomainHandle domain)
    {
        if (!LibvirtDomains.IsActive(domain))
        {
            LibvirtDomains.Check(LibvirtNative.virDomainCreate(domain), "Starting the domain");
        }
    }

    private LibvirtImage ImageOf(string name) =>
        options.Images.TryGetValue(name, out var image)
            ? image
            : throw LibvirtErrors.Permanent("invalid_image", $"No image '{name}' is configured (Libvirt:Images: {string.Join(", ", options.Images.Keys)}).");

    private LibvirtSize SizeOf(string name) =>
        options.Sizes.TryGetValue(name, out var size)
            ? size
            : throw LibvirtErrors.Permanent("invalid_size", $"No size '{name}' is configured (Libvirt:Sizes: {string.Join(", ", options.Sizes.Keys)}).");

    private HypervisorOperation DoneNow(string uuid, DomainHandle domain) => DoneNow(Reading(uuid, domain));

    private HypervisorOperation DoneNow(string uuid, PowerState power, string detail) => DoneNow(Reading(uuid, power, detail));

    private static HypervisorOperation DoneNow(PowerReading reading) =>
        new(reading.ExternalId, LibvirtOperation.Done, TimeSpan.Zero, new OperationProgress(OperationState.Succeeded, reading));
}
