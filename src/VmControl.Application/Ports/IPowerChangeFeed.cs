namespace VmControl.Application.Ports;

/// <summary>
/// A driver that hears power changes as they happen (libvirt's domain lifecycle events) offers this, so power sync
/// can run a pass at once instead of at its next timer tick; the timer stays as the safety net.
/// </summary>
public interface IPowerChangeFeed
{
    /// <summary>Completes when a machine's power changed since the last wait completed (changes in between coalesce).</summary>
    Task WaitForChangeAsync(CancellationToken cancellationToken = default);
}
