using System.Collections.Concurrent;
using VmControl.Application.Tasks;

namespace VmControl.Testing.Fakes;

/// <summary>Records every start; the engine "answers" unless <see cref="Down"/>.</summary>
public sealed class FakeTaskLauncher : ITaskLauncher
{
    public ConcurrentQueue<VmTaskInput> Starts { get; } = new();

    public bool Down { get; set; }

    /// <summary>When set, a start calls it and throws what it returns (a failure of the engine, or a bug behind it).</summary>
    public Func<VmTaskInput, Exception>? StartFailure { get; set; }

    public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (StartFailure is { } fail)
        {
            throw fail(input);
        }

        Starts.Enqueue(input);
        return Task.FromResult(true);
    }

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        Task.FromResult(true);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
        Down ? throw new InvalidOperationException("The fake engine is down.") : Task.FromResult(false);
}
