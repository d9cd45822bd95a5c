using System.Collections.Concurrent;
using VmControl.Application.Tasks;

namespace VmControl.Testing.Fakes;

/// <summary>Records every start; the engine "answers" unless <see cref="Down"/>.</summary>
public sealed class FakeTaskLauncher : ITaskLauncher
{
    public ConcurrentQueue<VmTaskInput> Starts { get; } = new();

    public bool Down { get; set; }

    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        Starts.Enqueue(input);
        return Task.FromResult(true);
    }

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
        Down ? throw new InvalidOperationException("The fake engine is down.") : Task.FromResult(false);
}
