using System.Collections.Concurrent;
using VmControl.Application.Fleet;

namespace VmControl.Http.Tests.Fakes;

/// <summary>Records the operations it was asked to start; it runs nothing (the API tests stop at the HTTP answer).</summary>
public sealed class FakeFleetLauncher : IFleetLauncher
{
    public ConcurrentQueue<FleetRun> Started { get; } = new();

    public Task<bool> TryStartAsync(FleetRun run, CancellationToken cancellationToken = default)
    {
        Started.Enqueue(run);
        return Task.FromResult(true);
    }
}
