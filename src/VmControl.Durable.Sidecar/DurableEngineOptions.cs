namespace VmControl.Durable.Sidecar;

/// <summary>Settings of the in-process Durable Task engine (section <c>Durable</c>).</summary>
public sealed class DurableEngineOptions
{
    /// <summary>The storage the engine keeps its queues and history in (Azurite locally).</summary>
    public string StorageConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>The task hub, as host.json's <c>hubName</c>.</summary>
    public string HubName { get; set; } = "VmControl";

    /// <summary>Loopback port of the gRPC sidecar (HTTP/2 only); 0 picks a free one.</summary>
    public int SidecarPort { get; set; }

    /// <summary>
    /// A stable worker id: with a new one each start, a restart waits ~30 s for the previous owner's partition leases.
    /// </summary>
    public string WorkerId { get; set; } = "vmcontrol-localhost";

    /// <summary>How long an idle engine waits between queue polls at most (latency against storage transactions).</summary>
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a dequeued orchestration message stays hidden (the provider's default: 5 minutes). A process killed
    /// while holding one leaves it hidden that long; the end-to-end tests shorten it so a restart resumes at once.
    /// </summary>
    public TimeSpan ControlQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// As <see cref="ControlQueueVisibilityTimeout"/>, for activity messages. The sidecar never renews it, so an activity
    /// running longer is delivered twice: keep it above the longest activity.
    /// </summary>
    public TimeSpan WorkItemQueueVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    public int PartitionCount { get; set; } = 4;

    public int MaxConcurrentActivities { get; set; } = 20;

    public int MaxConcurrentOrchestrations { get; set; } = 20;
}
