namespace VmControl.Functions.Http;

/// <summary>The reconciliation alerts.</summary>
public sealed class AlertFunctions(VmControlApi api)
{
    [Function("ListAlerts")]
    public Task<IActionResult> ListAlerts(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "alerts")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ListAlertsAsync(context, cancellationToken));

    [Function("AcknowledgeAlert")]
    public Task<IActionResult> AcknowledgeAlert(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "alerts/{alertId}/acknowledge")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.AcknowledgeAlertAsync(context, alertId, cancellationToken));
}
