namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>A launcher that can run an action once, after the request wrote its claim and just before the task's orchestration is scheduled.</summary>
internal sealed class HookedLauncher(ITaskLauncher inner) : ITaskLauncher
{
    private Action? beforeStart;

    public void BeforeNextStart(Action action) => Volatile.Write(ref beforeStart, action);

    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        Interlocked.Exchange(ref beforeStart, null)?.Invoke();
        return inner.TryStartAsync(input, cancellationToken);
    }

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        inner.TerminateAndWaitAsync(vmId, reason, timeout, cancellationToken);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
        inner.IsRunningAsync(vmId, cancellationToken);
}
