using System.Globalization;

namespace VmControl.Drivers.Libvirt;

public sealed partial class LibvirtDriver
{
    // Without these flags libvirt refuses to undefine a suspended (managed save) domain or one with snapshots. The
    // driver's domains have no NVRAM (no UEFI) and no checkpoints; libvirt's test driver refuses those flags.
    private const uint UndefineAll = LibvirtFlags.UndefineManagedSave | LibvirtFlags.UndefineSnapshotsMetadata;

    // The definition in use is kept on disk before it is replaced, once: a repeated rescue keeps the first one.
    private void Rescue(ConnectHandle c, DomainHandle domain, string vmId)
    {
        var kept = paths.RescueKept(vmId);
        if (!File.Exists(kept))
        {
            File.WriteAllText(kept, LibvirtDomains.Xml(domain, inactive: true));
        }

        var rescueImage = options.RescueImage is { } name ? ImageOf(name) : null;
        LibvirtDomains.DestroyIfActive(domain);
        using var rescue = LibvirtDomains.Define(c, LibvirtDomainXml.Rescue(File.ReadAllText(kept), rescueImage));
        StartIfOff(rescue);
    }

    private static void Restore(ConnectHandle c, DomainHandle domain, string kept, bool start)
    {
        LibvirtDomains.DestroyIfActive(domain);
        using var restored = LibvirtDomains.Define(c, File.ReadAllText(kept));
        File.Delete(kept);
        if (start)
        {
            StartIfOff(restored);
        }
    }

    private void Unrescue(ConnectHandle c, DomainHandle domain, string vmId)
    {
        var kept = paths.RescueKept(vmId);
        if (File.Exists(kept))
        {
            Restore(c, domain, kept, start: true);
        }
        else
        {
            StartIfOff(domain);
        }
    }

    // Offline, as libvirt needs for memory above the boot maximum: power off, redefine, start again if it was running.
    private void Resize(ConnectHandle c, DomainHandle domain, HypervisorCommand command)
    {
        var size = SizeOf(command.Parameters.GetValueOrDefault(SizeParameter) ?? command.Size);
        var kept = paths.ResizeKept(command.VmId);
        if (!File.Exists(kept))
        {
            File.WriteAllText(kept, LibvirtDomains.Xml(domain, inactive: true));
        }

        var current = LibvirtDomains.Xml(domain, inactive: true);
        var (vcpus, memory) = LibvirtDomainXml.SizeOf(current);
        if (vcpus == size.Vcpus && memory == size.MemoryMiB)
        {
            return;
        }

        var wasActive = LibvirtDomains.IsActive(domain);
        LibvirtDomains.DestroyIfActive(domain);
        using var resized = LibvirtDomains.Define(c, LibvirtDomainXml.Resized(current, size));
        if (wasActive)
        {
            StartIfOff(resized);
        }
    }

    private void RevertResize(ConnectHandle c, DomainHandle domain, string vmId)
    {
        var kept = paths.ResizeKept(vmId);
        if (File.Exists(kept))
        {
            Restore(c, domain, kept, start: LibvirtDomains.IsActive(domain));
        }
    }

    // A fresh overlay on the (possibly new) image's base; a shut-off VM stays off (Nova's rebuild of a stopped instance).
    private void Rebuild(ConnectHandle c, DomainHandle domain, HypervisorCommand command)
    {
        var image = ImageOf(command.Parameters.GetValueOrDefault(ImageParameter) ?? command.Image);
        var current = LibvirtDomains.Xml(domain, inactive: true);
        var (vcpus, memory) = LibvirtDomainXml.SizeOf(current);
        var wasOff = LibvirtDomains.State(domain).State == 5;
        LibvirtDomains.DestroyIfActive(domain);
        if (image.Disk is not null)
        {
            disks.CreateOverlay(image, paths.Disk(command.VmId));
        }

        var size = new LibvirtSize { Vcpus = vcpus, MemoryMiB = memory };
        using var rebuilt = LibvirtDomains.Define(c, LibvirtDomainXml.Build(options, paths, command.VmId, command.Name, image, size));
        if (!wasOff)
        {
            StartIfOff(rebuilt);
        }
    }

    private void CopyDisk(HypervisorCommand command)
    {
        var disk = paths.Disk(command.VmId);
        if (!File.Exists(disk))
        {
            throw LibvirtErrors.Permanent("no_disk", $"VM {command.VmId} has no disk to copy.");
        }

        var requested = command.Parameters.GetValueOrDefault(NameParameter);
        var name = Safe(requested ?? string.Create(
            CultureInfo.InvariantCulture, $"{paths.DomainName(command.VmId)}-{command.Action.ToString().ToLowerInvariant()}-{clock.GetUtcNow():yyyyMMddHHmmss}"));
        disks.Copy(disk, paths.ImageCopy(name));
    }

    private void Delete(DomainHandle domain, string vmId)
    {
        LibvirtDomains.DestroyIfActive(domain);
        LibvirtDomains.Check(LibvirtNative.virDomainUndefineFlags(domain, UndefineAll), "Undefining the domain");
        foreach (var file in paths.All(vmId))
        {
            File.Delete(file);
        }
    }

    // A copy's file name: letters, digits, '-', '_', '.', never a path.
    private static string Safe(string name)
    {
        var chars = name.Select(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_' or '.' ? ch : '-').ToArray();
        var safe = new string(chars).Trim('.');
        return safe.Length == 0 ? "copy" : safe[..Math.Min(safe.Length, 100)];
    }
}
