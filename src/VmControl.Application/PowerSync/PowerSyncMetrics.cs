using System.Diagnostics.Metrics;

namespace VmControl.Application.PowerSync;

/// <summary>
/// OpenTelemetry-compatible instruments (System.Diagnostics.Metrics, BCL only): an exporter subscribes to the meter
/// <see cref="MeterName"/> by name (<c>AddMeter("VmControl.PowerSync")</c>).
/// </summary>
internal static class PowerSyncMetrics
{
    public const string MeterName = "VmControl.PowerSync";

    private static readonly Meter Meter = new(MeterName);

    private static readonly Counter<long> Passes = Meter.CreateCounter<long>("vmcontrol.power_sync.passes", "{pass}", "Power-sync passes, by outcome.");

    private static readonly Counter<long> Changed = Meter.CreateCounter<long>("vmcontrol.power_sync.changed", "{vm}", "VMs whose power_state was written.");

    private static readonly Counter<long> AlertsOpened = Meter.CreateCounter<long>("vmcontrol.power_sync.alerts_opened", "{alert}", "Reconciliation alerts opened.");

    private static readonly Counter<long> AlertsResolved = Meter.CreateCounter<long>("vmcontrol.power_sync.alerts_resolved", "{alert}", "Reconciliation alerts resolved.");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("vmcontrol.power_sync.duration", "s", "Duration of a power-sync pass.");

    public static void Record(PowerSyncSummary summary)
    {
        var outcome = new KeyValuePair<string, object?>("outcome", summary.Failed ? "failed" : "succeeded");
        Passes.Add(1, outcome);
        Changed.Add(summary.Changed);
        AlertsOpened.Add(summary.AlertsOpened);
        AlertsResolved.Add(summary.AlertsResolved);
        Duration.Record(summary.DurationMs / 1000.0, outcome);
    }
}
