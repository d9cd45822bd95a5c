using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VmControl.Application.Tasks;

/// <summary><see cref="ITaskLauncher"/> over a Durable Task client.</summary>
public sealed class DurableTaskLauncher(DurableTaskClient client) : ITaskLauncher
{
    private static readonly OrchestrationRuntimeStatus[] LockStatuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
    ];

    public async Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var options = new StartOrchestrationOptions(TaskInstanceIds.For(input.VmId)).WithDedupeStatuses(LockStatuses);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(VmTaskOrchestrator), input, options, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
        catch (Exception ex) when (IsAlreadyExists(ex))
        {
            return false;
        }
    }

    public async Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var instanceId = TaskInstanceIds.For(vmId);
        if (!await IsRunningAsync(vmId, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        await client.TerminateInstanceAsync(instanceId, reason, cancellationToken).ConfigureAwait(false);

        // WaitForInstanceCompletionAsync polls every 2 s on the Azure Storage backend; a short poll of our own ends sooner.
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            if (!await IsRunningAsync(vmId, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    public async Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default)
    {
        var meta = await client.GetInstanceAsync(TaskInstanceIds.For(vmId), getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        return meta is not null && LockStatuses.Contains(meta.RuntimeStatus);
    }

    // The gRPC client surfaces the backend's dedupe refusal as an RpcException (AlreadyExists), which this
    // project does not reference; its status is recognisable in the type and message.
    private static bool IsAlreadyExists(Exception ex) =>
        ex.GetType().Name == "RpcException" && ex.Message.Contains("AlreadyExists", StringComparison.Ordinal);
}
