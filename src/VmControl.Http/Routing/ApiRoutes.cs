namespace VmControl.Http.Routing;

/// <summary>
/// The single route table of docs/api.md. The local host maps it (<see cref="EndpointRouteBuilderExtensions.MapVmControlApi"/>);
/// a test asserts that the Functions triggers expose exactly the same method and route pairs.
/// </summary>
public static class ApiRoutes
{
    public const string Prefix = "api";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        new("POST", "vms", nameof(VmControlApi.CreateVmAsync), ApiAuthLevel.Function, (api, c, ct) => api.CreateVmAsync(c, ct)),
        new("GET", "vms", nameof(VmControlApi.ListVmsAsync), ApiAuthLevel.Function, (api, c, ct) => api.ListVmsAsync(c, ct)),
        new("GET", "vms/{id}", nameof(VmControlApi.GetVmAsync), ApiAuthLevel.Function, (api, c, ct) => api.GetVmAsync(c, Value(c, "id"), ct)),
        new("DELETE", "vms/{id}", nameof(VmControlApi.DeleteVmAsync), ApiAuthLevel.Function, (api, c, ct) => api.DeleteVmAsync(c, Value(c, "id"), ct)),
        new("POST", "vms/{id}/actions", nameof(VmControlApi.RequestActionAsync), ApiAuthLevel.Function, (api, c, ct) => api.RequestActionAsync(c, Value(c, "id"), ct)),
        new("GET", "vms/{id}/actions", nameof(VmControlApi.ListActionsAsync), ApiAuthLevel.Function, (api, c, ct) => api.ListActionsAsync(c, Value(c, "id"), ct)),
        new("GET", "vms/{id}/actions/{actionId}", nameof(VmControlApi.GetActionAsync), ApiAuthLevel.Function, (api, c, ct) => api.GetActionAsync(c, Value(c, "id"), Value(c, "actionId"), ct)),
        new("POST", "vms/{id}/reset-state", nameof(VmControlApi.ResetStateAsync), ApiAuthLevel.Admin, (api, c, ct) => api.ResetStateAsync(c, Value(c, "id"), ct)),
        new("GET", "alerts", nameof(VmControlApi.ListAlertsAsync), ApiAuthLevel.Function, (api, c, ct) => api.ListAlertsAsync(c, ct)),
        new("POST", "alerts/{alertId}/acknowledge", nameof(VmControlApi.AcknowledgeAlertAsync), ApiAuthLevel.Function, (api, c, ct) => api.AcknowledgeAlertAsync(c, Value(c, "alertId"), ct)),
        new("POST", "power-sync", nameof(VmControlApi.RunPowerSyncAsync), ApiAuthLevel.Admin, (api, c, ct) => api.RunPowerSyncAsync(c, ct)),
        new("GET", "lifecycle", nameof(VmControlApi.GetLifecycleAsync), ApiAuthLevel.Function, (api, c, ct) => api.GetLifecycleAsync(c, ct)),
        new("GET", "health", nameof(VmControlApi.GetHealthAsync), ApiAuthLevel.Anonymous, (api, c, ct) => api.GetHealthAsync(c, ct)),
        new("GET", "openapi.json", nameof(VmControlApi.GetOpenApiAsync), ApiAuthLevel.Anonymous, (api, c, ct) => api.GetOpenApiAsync(c, ct)),
        new("PUT", "simulator/settings", nameof(VmControlApi.SetSimulatorSettingsAsync), ApiAuthLevel.Admin, (api, c, ct) => api.SetSimulatorSettingsAsync(c, ct)),
        new("POST", "simulator/faults", nameof(VmControlApi.AddSimulatorFaultAsync), ApiAuthLevel.Admin, (api, c, ct) => api.AddSimulatorFaultAsync(c, ct)),
        new("POST", "simulator/holds", nameof(VmControlApi.AddSimulatorHoldAsync), ApiAuthLevel.Admin, (api, c, ct) => api.AddSimulatorHoldAsync(c, ct)),
        new("DELETE", "simulator/holds/{id}", nameof(VmControlApi.ReleaseSimulatorHoldAsync), ApiAuthLevel.Admin, (api, c, ct) => api.ReleaseSimulatorHoldAsync(c, Value(c, "id"), ct)),
        new("POST", "simulator/vms/{id}/power-state", nameof(VmControlApi.SetSimulatorPowerStateAsync), ApiAuthLevel.Admin, (api, c, ct) => api.SetSimulatorPowerStateAsync(c, Value(c, "id"), ct)),
        new("POST", "simulator/machines", nameof(VmControlApi.AddSimulatorMachineAsync), ApiAuthLevel.Admin, (api, c, ct) => api.AddSimulatorMachineAsync(c, ct)),
    ];

    private static string Value(HttpContext context, string name) =>
        context.Request.RouteValues[name] as string ?? string.Empty;
}
