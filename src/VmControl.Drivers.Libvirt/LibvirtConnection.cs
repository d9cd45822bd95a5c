namespace VmControl.Drivers.Libvirt;

/// <summary>
/// One shared connection (libvirt connections are thread-safe), reopened when it died: libvirtd restarted, or the
/// remote host's link dropped. The lifecycle-event subscription is renewed with each new connection.
/// </summary>
internal sealed class LibvirtConnection(string uri, LibvirtPowerEvents events) : IDisposable
{
    private readonly Lock gate = new();
    private ConnectHandle? current;

    public string Uri => uri;

    /// <summary>Runs <paramref name="call"/> on a live connection; a transient failure drops the connection so the next call reopens it.</summary>
    public T Use<T>(Func<ConnectHandle, T> call)
    {
        var connection = Live();
        try
        {
            return call(connection);
        }
        catch (HypervisorException ex) when (ex.Transient)
        {
            Drop(connection);
            throw;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            current?.Dispose();
            current = null;
        }
    }

    private ConnectHandle Live()
    {
        lock (gate)
        {
            if (current is { IsInvalid: false } open && LibvirtNative.virConnectIsAlive(open) == 1)
            {
                return open;
            }

            current?.Dispose();
            current = null;
            LibvirtEventLoop.EnsureStarted();
            var opened = LibvirtNative.virConnectOpen(uri);
            if (opened.IsInvalid)
            {
                opened.Dispose();
                var (code, domain, message) = LibvirtErrors.Read();
                var error = LibvirtErrors.ToError(code, domain, $"Connecting to {uri} failed: {message}", FailureKind.NothingChanged);

                // Not reaching the daemon is the outage a retry outlives (libvirtd restarting), whatever code it carries.
                throw new HypervisorException(error with { Transient = true });
            }

            // Keep-alives (served by the event thread) close a connection whose daemon stopped answering.
            LibvirtNative.virConnectSetKeepAlive(opened, 2, 3);
            if (LibvirtNative.virConnectDomainEventRegisterAny(
                    opened, IntPtr.Zero, LibvirtFlags.EventIdLifecycle, LibvirtPowerEvents.Callback, events.Opaque, IntPtr.Zero) < 0)
            {
                LibvirtErrors.Read();
            }

            current = opened;

            // Whatever moved while there was no connection was not heard: let a whole pass look.
            events.MissedSome();
            return opened;
        }
    }

    private void Drop(ConnectHandle connection)
    {
        lock (gate)
        {
            if (ReferenceEquals(current, connection))
            {
                current.Dispose();
                current = null;
            }
        }
    }
}
