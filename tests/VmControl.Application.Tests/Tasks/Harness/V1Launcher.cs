using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using VmControl.Application.Tasks.V1;

namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>Starts tasks as the previous deploy did: under the orchestrator name <see cref="VmTaskOrchestratorV1.Name"/>.</summary>
internal sealed class V1Launcher(DurableTaskClient client, ITaskLauncher current) : ITaskLauncher
{
    public async Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await client.ScheduleNewOrchestrationInstanceAsync(
            VmTaskOrchestratorV1.Name, input, new StartOrchestrationOptions(TaskInstanceIds.For(input.VmId)), cancellationToken);
        return true;
    }

    public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        current.TerminateAndWaitAsync(vmId, reason, timeout, cancellationToken);

    public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
        current.IsRunningAsync(vmId, cancellationToken);
}
