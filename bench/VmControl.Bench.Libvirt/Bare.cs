using System.Diagnostics;
using VmControl.Domain;
using VmControl.Drivers.Libvirt;
using VmControl.Drivers.Libvirt.Native;

namespace VmControl.Bench.Libvirt;

/// <summary>The baseline: the same libvirt calls the driver makes, straight from this program on its own connection.</summary>
internal sealed class Bare(ConnectHandle connection, LibvirtDriverOptions options) : IDisposable
{
    public ConnectHandle Connection => connection;

    public static Bare Open(LibvirtDriverOptions options) => new(LibvirtNative.virConnectOpen(options.ConnectionUri), options);

    public string Define(string vmId)
    {
        var paths = new LibvirtPaths(options);
        var image = options.Images["tiny"];
        new LibvirtDisks(options).CreateOverlay(image, paths.Disk(vmId));
        using var domain = LibvirtDomains.Define(connection, LibvirtDomainXml.Build(options, paths, vmId, "bare", image, options.Sizes["small"]));
        return LibvirtIds.UuidOf(vmId);
    }

    /// <summary>One action as libvirt calls, begin to end; a stop waits until the domain is off, as the driver's does.</summary>
    public long Run(string uuid, VmAction action)
    {
        using var domain = LibvirtDomains.Find(connection, uuid) ?? throw new InvalidOperationException("no domain");
        var clock = Stopwatch.StartNew();
        var result = action switch
        {
            VmAction.Start or VmAction.Resume => LibvirtNative.virDomainCreate(domain),
            VmAction.Pause => LibvirtNative.virDomainSuspend(domain),
            VmAction.Unpause => LibvirtNative.virDomainResume(domain),
            VmAction.Suspend => LibvirtNative.virDomainManagedSave(domain, 0),
            VmAction.RebootHard => LibvirtNative.virDomainReset(domain, 0),
            VmAction.Stop => LibvirtNative.virDomainShutdown(domain),
            _ => throw new ArgumentOutOfRangeException(nameof(action)),
        };
        LibvirtDomains.Check(result, action.ToString());
        // As the driver: the power button, then destroy once the stop timeout passed.
        while (action == VmAction.Stop && LibvirtDomains.IsActive(domain))
        {
            if (clock.Elapsed > options.StopTimeout)
            {
                LibvirtDomains.DestroyIfActive(domain);
            }

            Thread.Sleep(10);
        }

        return clock.ElapsedMilliseconds;
    }

    /// <summary>Out of band: <c>virsh destroy</c>'s call, on the bench's own connection.</summary>
    public void Destroy(string uuid)
    {
        using var domain = LibvirtDomains.Find(connection, uuid) ?? throw new InvalidOperationException("no domain");
        LibvirtDomains.Check(LibvirtNative.virDomainDestroy(domain), "Destroy");
    }

    public void Delete(string uuid)
    {
        using var domain = LibvirtDomains.Find(connection, uuid);
        if (domain is not null)
        {
            LibvirtDomains.DestroyIfActive(domain);
            LibvirtNative.virDomainUndefineFlags(domain, 3);
        }
    }

    /// <summary>Every domain's state in one list call, as power sync needs it.</summary>
    public int ListAll()
    {
        var count = LibvirtNative.virConnectListAllDomains(connection, out var array, 0);
        for (var i = 0; i < count; i++)
        {
            using var domain = new DomainHandle(System.Runtime.InteropServices.Marshal.ReadIntPtr(array, i * IntPtr.Size));
            LibvirtDomains.Uuid(domain);
            LibvirtDomains.Power(domain);
        }

        unsafe
        {
            System.Runtime.InteropServices.NativeMemory.Free((void*)array);
        }

        return count;
    }

    public void Dispose() => connection.Dispose();
}
