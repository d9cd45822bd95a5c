using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace VmControl.Functions.Tests.Fakes;

/// <summary>A Durable client that records the orchestrations scheduled on it and does nothing else.</summary>
public sealed class RecordingDurableTaskClient() : DurableTaskClient("recording")
{
    private readonly List<string> scheduled = [];

    /// <summary>The orchestration names scheduled, in order.</summary>
    public IReadOnlyList<string> Scheduled => scheduled;

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        scheduled.Add(orchestratorName.Name);
        return Task.FromResult(options?.InstanceId ?? "recording-instance");
    }

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) =>
        throw new NotSupportedException();
}
