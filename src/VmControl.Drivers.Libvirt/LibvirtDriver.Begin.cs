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
            case VmAction.Stop or VmAction.SoftDelete:
                return Stop(domain, uuid, state);
            case VmAction.Reboot:
                LibvirtDomains.Check(LibvirtNative.virDomainReboot(domain, LibvirtFlags.RebootAcpiPowerButton), "Rebooting the domain (ACPI)");
                break;
            case VmAction.RebootHard when state is 5:
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
