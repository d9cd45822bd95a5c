using VmControl.Application.Tasks;

namespace VmControl.Bench.Schedules;

/// <summary>Accepts every task start and runs none: the bench measures the tick's issuing, not the tasks.</summary>
internal sealed class LaunchNothing : ITaskLauncher
{
    public int Started;

    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref Started);
        return Task.FromResult(true);
    }

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) => Task.FromResult(false);
}
