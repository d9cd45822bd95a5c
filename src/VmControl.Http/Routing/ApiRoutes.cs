namespace VmControl.Http.Routing;

/// <summary>
/// The single route table of docs/api.md, with the role each route needs (docs/security.md). The local host maps it
/// (<see cref="EndpointRouteBuilderExtensions.MapVmControlApi"/>); a test asserts that the Functions triggers expose
/// exactly the same method and route pairs, and both hosts authorize every request against this table.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("POST", "vms", nameof(VmControlApi.CreateVmAsync), Role.Operator, (api, c, ct) => api.CreateVmAsync(c, ct)),
        new("GET", "vms", nameof(VmControlApi.ListVmsAsync), Role.Reader, (api, c, ct) => api.ListVmsAsync(c, ct)),
        new("GET", "vms/{id}", nameof(VmControlApi.GetVmAsync), Role.Reader, (api, c, ct) => api.GetVmAsync(c, Value(c, "id"), ct)),
        new("PATCH", "vms/{id}", nameof(VmControlApi.UpdateVmAsync), Role.Operator, (api, c, ct) => api.UpdateVmAsync(c, Value(c, "id"), ct)),
        new("POST", "vms/{id}/lock", nameof(VmControlApi.LockVmAsync), Role.Operator, (api, c, ct) => api.LockVmAsync(c, Value(c, "id"), ct)),
        new("POST", "vms/{id}/unlock", nameof(VmControlApi.UnlockVmAsync), Role.Operator, (api, c, ct) => api.UnlockVmAsync(c, Value(c, "id"), ct)),
        new("GET", "vms/{id}/tags", nameof(VmControlApi.ListTagsAsync), Role.Reader, (api, c, ct) => api.ListTagsAsync(c, Value(c, "id"), ct)),
        new("PUT", "vms/{id}/tags", nameof(VmControlApi.ReplaceTagsAsync), Role.Operator, (api, c, ct) => api.ReplaceTagsAsync(c, Value(c, "id"), ct)),
        new("PUT", "vms/{id}/tags/{tag}", nameof(VmControlApi.AddTagAsync), Role.Operator, (api, c, ct) => api.AddTagAsync(c, Value(c, "id"), Value(c, "tag"), ct)),
        new("DELETE", "vms/{id}/tags/{tag}", nameof(VmControlApi.RemoveTagAsync), Role.Operator, (api, c, ct) => api.RemoveTagAsync(c, Value(c, "id"), Value(c, "tag"), ct)),
        new("DELETE", "vms/{id}", nameof(VmControlApi.DeleteVmAsync), Role.Operator, (api, c, ct) => api.DeleteVmAsync(c, Value(c, "id"), ct)),
        new("POST", "vms/{id}/actions", nameof(VmControlApi.RequestActionAsync), Role.Operator, (api, c, ct) => api.RequestActionAsync(c, Value(c, "id"), ct)),
        new("GET", "vms/{id}/actions", nameof(VmControlApi.ListActionsAsync), Role.Reader, (api, c, ct) => api.ListActionsAsync(c, Value(c, "id"), ct)),
        new("GET", "vms/{id}/actions/{actionId}", nameof(VmControlApi.GetActionAsync), Role.Reader, (api, c, ct) => api.GetActionAsync(c, Value(c, "id"), Value(c, "actionId"), ct)),
        new("POST", "vms/{id}/reset-state", nameof(VmControlApi.ResetStateAsync), Role.Admin, (api, c, ct) => api.ResetStateAsync(c, Value(c, "id"), ct)),
        new("POST", "fleet-operations", nameof(VmControlApi.CreateFleetOperationAsync), Role.Operator, (api, c, ct) => api.CreateFleetOperationAsync(c, ct)),
        new("GET", "fleet-operations", nameof(VmControlApi.ListFleetOperationsAsync), Role.Reader, (api, c, ct) => api.ListFleetOperationsAsync(c, ct)),
        new("GET", "fleet-operations/{id}", nameof(VmControlApi.GetFleetOperationAsync), Role.Reader, (api, c, ct) => api.GetFleetOperationAsync(c, Value(c, "id"), ct)),
        new("POST", "fleet-operations/{id}/cancel", nameof(VmControlApi.CancelFleetOperationAsync), Role.Operator, (api, c, ct) => api.CancelFleetOperationAsync(c, Value(c, "id"), ct)),
        new("GET", "alerts", nameof(VmControlApi.ListAlertsAsync), Role.Reader, (api, c, ct) => api.ListAlertsAsync(c, ct)),
        new("POST", "alerts/{alertId}/acknowledge", nameof(VmControlApi.AcknowledgeAlertAsync), Role.Operator, (api, c, ct) => api.AcknowledgeAlertAsync(c, Value(c, "alertId"), ct)),
        new("POST", "power-sync", nameof(VmControlApi.RunPowerSyncAsync), Role.Admin, (api, c, ct) => api.RunPowerSyncAsync(c, ct)),
        new("GET", "lifecycle", nameof(VmControlApi.GetLifecycleAsync), Role.Reader, (api, c, ct) => api.GetLifecycleAsync(c, ct)),
        new("GET", "me", nameof(VmControlApi.GetCallerAsync), Role.Reader, (api, c, ct) => api.GetCallerAsync(c, ct)),
        new("GET", "events/stream", nameof(VmControlApi.StreamEventsAsync), Role.Reader, (api, c, ct) => api.StreamEventsAsync(c, ct)),
        new("POST", "event-subscriptions", nameof(VmControlApi.CreateEventSubscriptionAsync), Role.Admin, (api, c, ct) => api.CreateEventSubscriptionAsync(c, ct)),
        new("GET", "event-subscriptions", nameof(VmControlApi.ListEventSubscriptionsAsync), Role.Admin, (api, c, ct) => api.ListEventSubscriptionsAsync(c, ct)),
        new("GET", "event-subscriptions/{id}", nameof(VmControlApi.GetEventSubscriptionAsync), Role.Admin, (api, c, ct) => api.GetEventSubscriptionAsync(c, Value(c, "id"), ct)),
        new("DELETE", "event-subscriptions/{id}", nameof(VmControlApi.DeleteEventSubscriptionAsync), Role.Admin, (api, c, ct) => api.DeleteEventSubscriptionAsync(c, Value(c, "id"), ct)),
        new("GET", "event-subscriptions/{id}/dead-letters", nameof(VmControlApi.ListDeadLettersAsync), Role.Admin, (api, c, ct) => api.ListDeadLettersAsync(c, Value(c, "id"), ct)),
        new("POST", "event-subscriptions/{id}/dead-letters/replay", nameof(VmControlApi.ReplayDeadLettersAsync), Role.Admin, (api, c, ct) => api.ReplayDeadLettersAsync(c, Value(c, "id"), ct)),
        new("GET", "health", nameof(VmControlApi.GetHealthAsync), null, (api, c, ct) => api.GetHealthAsync(c, ct)),
        new("GET", "openapi.json", nameof(VmControlApi.GetOpenApiAsync), null, (api, c, ct) => api.GetOpenApiAsync(c, ct)),
        new("PUT", "simulator/settings", nameof(VmControlApi.SetSimulatorSettingsAsync), Role.Admin, (api, c, ct) => api.SetSimulatorSettingsAsync(c, ct)),
        new("POST", "simulator/faults", nameof(VmControlApi.AddSimulatorFaultAsync), Role.Admin, (api, c, ct) => api.AddSimulatorFaultAsync(c, ct)),
        new("POST", "simulator/holds", nameof(VmControlApi.AddSimulatorHoldAsync), Role.Admin, (api, c, ct) => api.AddSimulatorHoldAsync(c, ct)),
        new("DELETE", "simulator/holds/{id}", nameof(VmControlApi.ReleaseSimulatorHoldAsync), Role.Admin, (api, c, ct) => api.ReleaseSimulatorHoldAsync(c, Value(c, "id"), ct)),
        new("POST", "simulator/vms/{id}/power-state", nameof(VmControlApi.SetSimulatorPowerStateAsync), Role.Admin, (api, c, ct) => api.SetSimulatorPowerStateAsync(c, Value(c, "id"), ct)),
        new("POST", "simulator/machines", nameof(VmControlApi.AddSimulatorMachineAsync), Role.Admin, (api, c, ct) => api.AddSimulatorMachineAsync(c, ct)),
    ];

    /// <summary>The route a request to <paramref name="path"/> (under <c>/api</c>) is, or null.</summary>
    public static ApiRoute? Find(string method, PathString path) => All.FirstOrDefault(r => r.Matches(method, path));

    private static string Value(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;
}
