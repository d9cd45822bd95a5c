namespace VmControl.Application.Tasks;

/// <summary>Starts and stops task orchestrations (the Durable client behind a narrow seam).</summary>
public interface ITaskLauncher
{
    /// <summary>
    /// Starts the VM's task orchestration. Returns false when an instance for the VM is already pending, running or
    /// suspended (the dedupe statuses): the lock is held.
    /// </summary>
    Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default);

    /// <summary>Terminates the VM's running task orchestration, if any, and waits (bounded) until it has ended.</summary>
    Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default);

    /// <summary>Whether the VM's task orchestration is pending, running or suspended.</summary>
    Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default);
}
