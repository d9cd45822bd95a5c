using System.Diagnostics;

namespace VmControl.Application.Telemetry;

/// <summary>The span a Durable activity runs in (the Durable Task SDK's, or the Functions invocation's), tagged with its VM and action.</summary>
public static class TaskSpan
{
    /// <summary>
    /// Tags the current span: the engine's own span knows the orchestration instance but not the action, and the driver
    /// spans below it (a poll carries no VM or action id of its own) take both from here.
    /// </summary>
    public static void Tag(string vmId, string actionId)
    {
        Activity.Current?.SetTag(TelemetryTags.VmId, vmId);
        Activity.Current?.SetTag(TelemetryTags.ActionId, actionId);
    }
}
