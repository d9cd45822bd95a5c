using System.Diagnostics;

namespace VmControl.Application.Telemetry;

/// <summary>The trace of the request that accepts an action: tagged with the VM and action, and its id kept on the action record.</summary>
public static class RequestTrace
{
    /// <summary>
    /// Tags the current span (the request's, in both hosts) with the VM id and action id and returns its W3C trace id,
    /// so an action record leads to the whole trace in Application Insights; null when nothing is being traced.
    /// </summary>
    public static string? Accepting(string vmId, string actionId)
    {
        if (Activity.Current is not { } span)
        {
            return null;
        }

        span.SetTag(TelemetryTags.VmId, vmId);
        span.SetTag(TelemetryTags.ActionId, actionId);
        return span.TraceId.ToHexString();
    }
}
