using VmControl.Application.Fleet;
using VmControl.Application.Ports;
using VmControl.Durable;

namespace VmControl.Functions.Durable;

/// <summary>The application's <see cref="DurableFleetLauncher"/> over the invocation's Durable client (<see cref="DurableClientScope"/>).</summary>
public sealed class FunctionsFleetLauncher : IFleetLauncher
{
    public Task<bool> TryStartAsync(FleetRun run, CancellationToken cancellationToken = default) =>
        DurableClientScope.Current is { } client
            ? new DurableFleetLauncher(client).TryStartAsync(run, cancellationToken)
            : throw new StoreUnavailableException("No Durable client is bound to this function invocation.");
}
