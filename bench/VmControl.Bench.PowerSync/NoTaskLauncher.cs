using VmControl.Application.Tasks;

namespace VmControl.Bench.PowerSync;

/// <summary>The bench fleet is idle and never healed: no task is started, none is running.</summary>
internal sealed class NoTaskLauncher : ITaskLauncher
{
    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException("The power-sync benchmark starts no task.");

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
