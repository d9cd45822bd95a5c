using System.Text.Json.Nodes;

namespace VmControl.Application.Events;

/// <summary>
/// The <c>vmcontrol.alert.*</c> events. An alert about a VM has the VM's subject, so it is ordered with the VM's other
/// events; one about a machine VmControl does not know has <c>machines/{hypervisor id}</c>.
/// </summary>
public static class AlertEvents
{
    public static VmEvent Opened(AlertRecord alert, DateTimeOffset at) => Build(alert, EventTypes.AlertOpened, at);

    public static VmEvent Acknowledged(AlertRecord alert, DateTimeOffset at) => Build(alert, EventTypes.AlertAcknowledged, at);

    public static VmEvent Resolved(AlertRecord alert, DateTimeOffset at) => Build(alert, EventTypes.AlertResolved, at);

    public static string SubjectOf(string vmId) => VmIds.IsValid(vmId) ? VmEvent.SubjectOf(vmId) : "machines/" + vmId;

    private static VmEvent Build(AlertRecord alert, string type, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var data = new JsonObject
        {
            ["alertId"] = alert.Id,
            ["vmId"] = alert.VmId,
            ["kind"] = alert.Kind.ToWire(),
            ["status"] = alert.Status.ToWire(),
            ["vmState"] = alert.VmState?.ToWire(),
            ["expectedPowerStates"] = new JsonArray([.. alert.ExpectedPowerStates.Select(p => (JsonNode?)p.ToWire())]),
            ["observedPowerState"] = alert.ObservedPowerState?.ToWire(),
            ["count"] = alert.Count,
            ["message"] = alert.Message,
            ["acknowledgedBy"] = alert.AcknowledgedBy,
            ["note"] = alert.AcknowledgeNote,
        };
        return new VmEvent(EventIds.New(at, 0), type, SubjectOf(alert.VmId), alert.Project ?? Projects.Default, at, EventData.Text(data));
    }
}
