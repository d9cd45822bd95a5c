using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VmControl.Application.Fleet;
using VmControl.Application.Ports;

namespace VmControl.Durable;

/// <summary><see cref="IFleetLauncher"/> over a Durable Task client: one instance per operation, so a repeated start is refused.</summary>
public sealed class DurableFleetLauncher(DurableTaskClient client) : IFleetLauncher
{
    public Task<bool> TryStartAsync(FleetRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        return DurableStarts.TryScheduleAsync(
            client, FleetOrchestrator.Name, run, new StartOrchestrationOptions(FleetIds.InstanceId(run.OperationId)), cancellationToken);
    }
}
