using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// Domain lifecycle events (started, stopped, crashed, suspended, resumed ...) as a coalescing signal: the callback
/// runs on libvirt's event thread and only marks "something changed"; power sync then reads every domain in one call.
/// </summary>
public sealed class LibvirtPowerEvents : IPowerChangeFeed, IDisposable
{
    private readonly Channel<bool> changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
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

    public async Task WaitForChangeAsync(CancellationToken cancellationToken = default) =>
        await changes.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>Marks a change (an event, or a reconnect after which anything may have moved).</summary>
    public void Signal()
    {
        Interlocked.Increment(ref received);
        changes.Writer.TryWrite(true);
    }

    public void Dispose()
    {
        if (self.IsAllocated)
        {
            self.Free();
        }
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int OnLifecycle(IntPtr connection, IntPtr domain, int eventType, int detail, IntPtr opaque)
    {
        if (GCHandle.FromIntPtr(opaque).Target is LibvirtPowerEvents events)
        {
            events.Signal();
        }

        return 0;
    }
}
