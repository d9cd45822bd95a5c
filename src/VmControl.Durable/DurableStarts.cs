using DurableTask.Core.Exceptions;
using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VmControl.Durable;

/// <summary>Schedules an orchestration instance under a fixed id: false when the engine refuses it as a duplicate.</summary>
internal static class DurableStarts
{
    public static async Task<bool> TryScheduleAsync(
        DurableTaskClient client, TaskName name, object input, StartOrchestrationOptions options, CancellationToken cancellationToken)
    {
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(name, input, options, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.AlreadyExists)
        {
            // The gRPC client (the LocalHost's sidecar) surfaces the backend's dedupe refusal as a status, not a typed exception.
            return false;
        }
        catch (Exception ex) when (EngineUnreachable.Is(ex))
        {
            throw EngineUnreachable.Wrap(ex);
        }
    }
}
