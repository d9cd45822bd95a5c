using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VmControl.Application.Fleet;
using VmControl.Application.Ports;

namespace VmControl.Durable;

/// <summary><see cref="IFleetLauncher"/> over a Durable Task client: one instance per operation, so a repeated start is refused.</summary>
public sealed class DurableFleetLauncher(DurableTaskClient client) : IFleetLauncher
{
    public async Task<bool> TryStartAsync(FleetRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        var options = new StartOrchestrationOptions(FleetIds.InstanceId(run.OperationId));
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(FleetOrchestrator.Name, run, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            return false;
        }
        catch (Exception ex) when (EngineUnreachable.Is(ex))
        {
            throw EngineUnreachable.Wrap(ex);
        }
    }
}
