using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VmControl.Http;

namespace VmControl.Functions.Http;

/// <summary>The reconciliation alerts.</summary>
public sealed class AlertFunctions(VmControlApi api)
{
    [Function("ListAlerts")]
    public async Task<IActionResult> ListAlerts(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "alerts")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.ListAlertsAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("AcknowledgeAlert")]
    public async Task<IActionResult> AcknowledgeAlert(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/{alertId}/acknowledge")] HttpRequest request,
        string alertId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.AcknowledgeAlertAsync(request.HttpContext, alertId, cancellationToken).ConfigureAwait(false);
    }
}
