namespace VmControl.Application.Ports;

/// <summary>
/// A driver that hears power changes as they happen (libvirt's domain lifecycle events) offers this, so power sync can
/// bring in the changed machine's power at once instead of at its next timer tick; the timer stays as the safety net.
/// </summary>
public interface IPowerChangeFeed
{
    /// <summary>
    /// Completes with the changes heard since the previous call returned: each machine once, however many events it
    /// raised meanwhile.
    /// </summary>
    Task<PowerChanges> WaitForChangesAsync(CancellationToken cancellationToken = default);
}
