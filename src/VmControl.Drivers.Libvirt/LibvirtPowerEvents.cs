using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading.Channels;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// Domain lifecycle events (started, stopped, crashed, suspended, resumed ...) as the machines they name: the callback
/// runs on libvirt's event thread, only notes the domain's UUID (a local read, no call to the daemon) and wakes the
/// reader; power sync then reads just those domains. Several events of one domain before the reader looks are one entry.
/// </summary>
public sealed class LibvirtPowerEvents : IPowerChangeFeed, IDisposable
{
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly Lock gate = new();
    private HashSet<string> machines = new(StringComparer.Ordinal);
    private bool unheard;
    private GCHandle self;
    private long received;

    public LibvirtPowerEvents()
    {
        self = GCHandle.Alloc(this);
    }

    /// <summary>Events received since start (a test and the benchmark read it).</summary>
    public long Received => Interlocked.Read(ref received);

    internal IntPtr Opaque => GCHandle.ToIntPtr(self);

    internal static unsafe IntPtr Callback => (IntPtr)(delegate* unmanaged[Cdecl]<IntPtr, IntPtr, int, int, IntPtr, int>)&OnLifecycle;

    public async Task<PowerChanges> WaitForChangesAsync(CancellationToken cancellationToken = default)
    {
        while (true)
        {
            await wake.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            lock (gate)
            {
                // A wake-up whose changes an earlier call took already finds nothing: wait for the next.
                if (machines.Count > 0 || unheard)
                {
                    var changes = new PowerChanges(machines, unheard);
                    machines = new HashSet<string>(StringComparer.Ordinal);
                    unheard = false;
                    return changes;
                }
            }
        }
    }

    /// <summary>A domain's power changed (its lifecycle event).</summary>
    public void Changed(string uuid)
    {
        Interlocked.Increment(ref received);
        lock (gate)
        {
            machines.Add(uuid);
        }

        wake.Writer.TryWrite(true);
    }

    /// <summary>Anything may have moved unheard: a connection (re)opened, and events before it were not delivered.</summary>
    public void MissedSome()
    {
        Interlocked.Increment(ref received);
        lock (gate)
        {
            unheard = true;
        }

        wake.Writer.TryWrite(true);
    }

    public void Dispose()
    {
        if (self.IsAllocated)
        {
            self.Free();
        }
    }

    // The domain pointer is libvirt's, lent for the call: read, never freed here.
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static unsafe int OnLifecycle(IntPtr connection, IntPtr domain, int eventType, int detail, IntPtr opaque)
    {
        if (GCHandle.FromIntPtr(opaque).Target is not LibvirtPowerEvents events)
        {
            return 0;
        }

        var buffer = stackalloc byte[LibvirtFlags.UuidStringBuffer];
        if (LibvirtNative.virDomainGetUUIDString(domain, buffer) == 0)
        {
            events.Changed(Encoding.ASCII.GetString(buffer, LibvirtFlags.UuidStringBuffer - 1));
        }
        else
        {
            // Which domain is unknown: let a whole pass look.
            LibvirtErrors.Read();
            events.MissedSome();
        }

        return 0;
    }
}
