namespace VmControl.Hosting.Telemetry;

/// <summary>The ActivitySources and Meters both hosts export (docs/telemetry.md).</summary>
public static class TelemetrySources
{
    /// <summary>Every VmControl source and meter (<c>VmControl.Drivers</c>, <c>VmControl.PowerSync</c>, ...): new ones are exported without a change here.</summary>
    public const string VmControl = "VmControl.*";

    /// <summary>The driver call spans (<see cref="TracingHypervisorDriver"/>).</summary>
    public const string Drivers = "VmControl.Drivers";

    /// <summary>The Durable Task SDK's own source: its <c>create_orchestration</c>, <c>orchestration:</c> and <c>activity:</c> spans.</summary>
    public const string DurableTask = "Microsoft.DurableTask";
}
