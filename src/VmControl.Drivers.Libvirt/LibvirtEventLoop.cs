using System.Diagnostics.CodeAnalysis;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// libvirt's default event loop, once per process: registered before the first connection opens (a connection opened
/// earlier never delivers events) and run on a background thread, which also serves keep-alives so a dead daemon is
/// noticed.
/// </summary>
internal static class LibvirtEventLoop
{
    private static readonly Lock Gate = new();
    private static bool started;

    [SuppressMessage("Reliability", "CA2000", Justification = "The thread lives as long as the process.")]
    public static void EnsureStarted()
    {
        lock (Gate)
        {
            if (started)
            {
                return;
            }

            if (LibvirtNative.virEventRegisterDefaultImpl() < 0)
            {
                throw LibvirtErrors.Last("Registering libvirt's event loop failed", FailureKind.NothingChanged);
            }

            var thread = new Thread(Run) { IsBackground = true, Name = "libvirt-events" };
            thread.Start();
            started = true;
        }
    }

    private static void Run()
    {
        while (true)
        {
            if (LibvirtNative.virEventRunDefaultImpl() < 0)
            {
                // An error of one iteration (a closed socket) must not end the loop or spin hot.
                LibvirtErrors.Read();
                Thread.Sleep(100);
            }
        }
    }
}
