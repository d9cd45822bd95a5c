using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VmControl.Application.Tasks;

namespace VmControl.Durable;

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
        return await DurableStarts.TryScheduleAsync(client, VmTaskOrchestrator.Name, input, options, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        try
        {
            return await TerminateAndPollAsync(vmId, reason, timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (EngineUnreachable.Is(ex))
        {
            throw EngineUnreachable.Wrap(ex);
        }
    }

    public async Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await IsRunningCoreAsync(vmId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (EngineUnreachable.Is(ex))
        {
            throw EngineUnreachable.Wrap(ex);
        }
    }

    private async Task<bool> TerminateAndPollAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var instanceId = TaskInstanceIds.For(vmId);
        if (!await IsRunningCoreAsync(vmId, cancellationToken).ConfigureAwait(false))
        {
            return true;
        }

        await client.TerminateInstanceAsync(instanceId, reason, cancellationToken).ConfigureAwait(false);

        // WaitForInstanceCompletionAsync polls every 2 s on the Azure Storage backend; a short poll of our own ends sooner.
        var until = DateTimeOffset.UtcNow + timeout;
        while (DateTimeOffset.UtcNow < until)
        {
            if (!await IsRunningCoreAsync(vmId, cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
        }

        return false;
    }

    private async Task<bool> IsRunningCoreAsync(string vmId, CancellationToken cancellationToken)
    {
        var meta = await client.GetInstanceAsync(TaskInstanceIds.For(vmId), getInputsAndOutputs: false, cancellationToken)
            .ConfigureAwait(false);
        return meta is not null && LockStatuses.Contains(meta.RuntimeStatus);
    }
}
