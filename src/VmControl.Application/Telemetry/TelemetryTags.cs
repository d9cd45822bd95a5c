namespace VmControl.Application.Telemetry;

/// <summary>
/// The span attribute names every VmControl span uses for the VM and the action (docs/telemetry.md), so one query
/// finds a VM's request, orchestration, activities and driver calls alike.
/// </summary>
public static class TelemetryTags
{
    public const string VmId = "vmcontrol.vm_id";

    public const string ActionId = "vmcontrol.action_id";
}
