using System.Diagnostics;
using OpenTelemetry;
using VmControl.Application.Telemetry;

namespace VmControl.Hosting.Telemetry;

/// <summary>
/// Adds the VM id to the Durable Task SDK's spans: their instance id is the VM's task lock (TaskInstanceIds:
/// <c>{vmId}:task</c>), so every orchestration and activity span of a VM is found by the same attribute as its requests.
/// </summary>
public sealed class DurableTaskSpanEnricher : BaseProcessor<Activity>
{
    public const string InstanceIdTag = "durabletask.task.instance_id";

    private const string TaskSuffix = ":task";

    public override void OnStart(Activity data) => Enrich(data);

    // Again at the end: the SDK may set its tags after the span started.
    public override void OnEnd(Activity data) => Enrich(data);

    private static void Enrich(Activity? span)
    {
        if (span?.Source.Name == TelemetrySources.DurableTask
            && span.GetTagItem(TelemetryTags.VmId) is null
            && span.GetTagItem(InstanceIdTag) is string instanceId
            && instanceId.EndsWith(TaskSuffix, StringComparison.Ordinal))
        {
            span.SetTag(TelemetryTags.VmId, instanceId[..^TaskSuffix.Length]);
        }
    }
}
