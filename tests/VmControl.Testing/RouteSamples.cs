using VmControl.Application.Model;

namespace VmControl.Testing;

/// <summary>
/// One valid request for every route of the table, against a seeded VM (<c>{vm}</c>), its action (<c>{action}</c>) and
/// alert (<c>{alert}</c>), and whether the route is about that VM (another project's caller then gets 404). A route
/// added to the table without a sample here fails the route × role matrix tests of both hosts.
/// </summary>
public static class RouteSamples
{
    /// <summary>The subscription the samples name: seeded by the in-memory host; on a real host it does not exist (404).</summary>
    public const string SubscriptionId = "sub-0123456789abcdef";

    /// <summary>The fleet operation the samples name: seeded by the in-memory host; on a real host it does not exist (404).</summary>
    public const string FleetOperationId = "fop-08de000000000000a1b2c3d4";

    public static IReadOnlyDictionary<string, (string Path, string? Body, bool AboutTheVm)> ByRoute { get; } = new Dictionary<string, (string, string?, bool)>
    {
        ["POST vms"] = ("/api/vms", """{ "name": "m1", "size": "small", "image": "ubuntu" }""", false),
        ["GET vms"] = ("/api/vms", null, false),
        ["GET vms/{id}"] = ("/api/vms/{vm}", null, true),
        ["PATCH vms/{id}"] = ("/api/vms/{vm}", """{ "deleteProtection": true }""", true),
        ["POST vms/{id}/lock"] = ("/api/vms/{vm}/lock", """{ "reason": "matrix" }""", true),
        ["POST vms/{id}/unlock"] = ("/api/vms/{vm}/unlock", null, true),
        ["GET vms/{id}/tags"] = ("/api/vms/{vm}/tags", null, true),
        ["PUT vms/{id}/tags"] = ("/api/vms/{vm}/tags", """{ "tags": ["prod", "tier=1"] }""", true),
        ["PUT vms/{id}/tags/{tag}"] = ("/api/vms/{vm}/tags/tier=2", null, true),
        ["DELETE vms/{id}/tags/{tag}"] = ("/api/vms/{vm}/tags/prod", null, true),
        ["DELETE vms/{id}"] = ("/api/vms/{vm}", null, true),
        ["POST vms/{id}/actions"] = ("/api/vms/{vm}/actions", """{ "action": "stop" }""", true),
        ["GET vms/{id}/actions"] = ("/api/vms/{vm}/actions", null, true),
        ["GET vms/{id}/actions/{actionId}"] = ("/api/vms/{vm}/actions/{action}", null, true),
        ["POST vms/{id}/reset-state"] = ("/api/vms/{vm}/reset-state", """{ "vmState": "active", "reason": "matrix" }""", true),
        ["POST fleet-operations"] = ("/api/fleet-operations", """{ "action": "reboot", "target": { "vmIds": ["{vm}"] } }""", false),
        ["GET fleet-operations"] = ("/api/fleet-operations", null, false),
        ["GET fleet-operations/{id}"] = ("/api/fleet-operations/" + FleetOperationId, null, true),
        ["POST fleet-operations/{id}/cancel"] = ("/api/fleet-operations/" + FleetOperationId + "/cancel", null, true),
        ["GET alerts"] = ("/api/alerts", null, false),
        ["POST alerts/{alertId}/acknowledge"] = ("/api/alerts/{alert}/acknowledge", """{ "note": "seen" }""", true),
        ["POST power-sync"] = ("/api/power-sync", null, false),
        ["GET lifecycle"] = ("/api/lifecycle", null, false),
        ["GET me"] = ("/api/me", null, false),
        ["GET events/stream"] = ("/api/events/stream", null, false),
        ["POST event-subscriptions"] = ("/api/event-subscriptions", """{ "url": "http://127.0.0.1:9/hook", "types": ["vmcontrol.vm.*"] }""", false),
        ["GET event-subscriptions"] = ("/api/event-subscriptions", null, false),
        ["GET event-subscriptions/{id}"] = ("/api/event-subscriptions/" + SubscriptionId, null, false),
        ["DELETE event-subscriptions/{id}"] = ("/api/event-subscriptions/" + SubscriptionId, null, false),
        ["GET event-subscriptions/{id}/dead-letters"] = ("/api/event-subscriptions/" + SubscriptionId + "/dead-letters", null, false),
        ["POST event-subscriptions/{id}/dead-letters/replay"] = ("/api/event-subscriptions/" + SubscriptionId + "/dead-letters/replay", null, false),
        ["GET health"] = ("/api/health", null, false),
        ["GET openapi.json"] = ("/api/openapi.json", null, false),
        ["PUT simulator/settings"] = ("/api/simulator/settings", """{ "latencyMs": 0, "failureRate": 0 }""", false),
        ["POST simulator/faults"] = ("/api/simulator/faults", """{ "vmId": "{vm}", "action": "stop", "count": 1, "kind": "transient" }""", false),
        ["POST simulator/holds"] = ("/api/simulator/holds", """{ "vmId": "{vm}", "action": "stop" }""", false),
        ["DELETE simulator/holds/{id}"] = ("/api/simulator/holds/h-unknown", null, false),
        ["POST simulator/vms/{id}/power-state"] = ("/api/simulator/vms/{vm}/power-state", """{ "powerState": "shutdown" }""", false),
        ["POST simulator/machines"] = ("/api/simulator/machines", """{ "name": "stray", "powerState": "running" }""", false),
    };

    /// <summary>
    /// The least role of each route as docs/api.md and docs/security.md give it, typed here by hand rather than read
    /// from the route table, so that a role changed in the table (or a new route without one) fails the matrix tests.
    /// </summary>
    public static IReadOnlyDictionary<string, Role?> Roles { get; } = new Dictionary<string, Role?>
    {
        ["POST vms"] = Role.Operator,
        ["GET vms"] = Role.Reader,
        ["GET vms/{id}"] = Role.Reader,
        ["PATCH vms/{id}"] = Role.Operator,
        ["POST vms/{id}/lock"] = Role.Operator,
        ["POST vms/{id}/unlock"] = Role.Operator,
        ["GET vms/{id}/tags"] = Role.Reader,
        ["PUT vms/{id}/tags"] = Role.Operator,
        ["PUT vms/{id}/tags/{tag}"] = Role.Operator,
        ["DELETE vms/{id}/tags/{tag}"] = Role.Operator,
        ["DELETE vms/{id}"] = Role.Operator,
        ["POST vms/{id}/actions"] = Role.Operator,
        ["GET vms/{id}/actions"] = Role.Reader,
        ["GET vms/{id}/actions/{actionId}"] = Role.Reader,
        ["POST vms/{id}/reset-state"] = Role.Admin,
        ["POST fleet-operations"] = Role.Operator,
        ["GET fleet-operations"] = Role.Reader,
        ["GET fleet-operations/{id}"] = Role.Reader,
        ["POST fleet-operations/{id}/cancel"] = Role.Operator,
        ["GET alerts"] = Role.Reader,
        ["POST alerts/{alertId}/acknowledge"] = Role.Operator,
        ["POST power-sync"] = Role.Admin,
        ["GET lifecycle"] = Role.Reader,
        ["GET me"] = Role.Reader,
        ["GET events/stream"] = Role.Reader,
        ["POST event-subscriptions"] = Role.Admin,
        ["GET event-subscriptions"] = Role.Admin,
        ["GET event-subscriptions/{id}"] = Role.Admin,
        ["DELETE event-subscriptions/{id}"] = Role.Admin,
        ["GET event-subscriptions/{id}/dead-letters"] = Role.Admin,
        ["POST event-subscriptions/{id}/dead-letters/replay"] = Role.Admin,
        ["GET health"] = null,
        ["GET openapi.json"] = null,
        ["PUT simulator/settings"] = Role.Admin,
        ["POST simulator/faults"] = Role.Admin,
        ["POST simulator/holds"] = Role.Admin,
        ["DELETE simulator/holds/{id}"] = Role.Admin,
        ["POST simulator/vms/{id}/power-state"] = Role.Admin,
        ["POST simulator/machines"] = Role.Admin,
    };
}
