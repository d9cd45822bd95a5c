using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using VmControl.Http;

namespace VmControl.Functions.Http;

/// <summary>The simulated driver's control surface (admin); 404 <c>simulator_not_active</c> with another driver.</summary>
public sealed class SimulatorFunctions(VmControlApi api)
{
    [Function("SetSimulatorSettings")]
    public async Task<IActionResult> SetSimulatorSettings(
        [HttpTrigger(AuthorizationLevel.Admin, "put", Route = "simulator/settings")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.SetSimulatorSettingsAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("AddSimulatorFault")]
    public async Task<IActionResult> AddSimulatorFault(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "simulator/faults")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.AddSimulatorFaultAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("AddSimulatorHold")]
    public async Task<IActionResult> AddSimulatorHold(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "simulator/holds")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.AddSimulatorHoldAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }

    [Function("ReleaseSimulatorHold")]
    public async Task<IActionResult> ReleaseSimulatorHold(
        [HttpTrigger(AuthorizationLevel.Admin, "delete", Route = "simulator/holds/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.ReleaseSimulatorHoldAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("SetSimulatorPowerState")]
    public async Task<IActionResult> SetSimulatorPowerState(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "simulator/vms/{id}/power-state")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.SetSimulatorPowerStateAsync(request.HttpContext, id, cancellationToken).ConfigureAwait(false);
    }

    [Function("AddSimulatorMachine")]
    public async Task<IActionResult> AddSimulatorMachine(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "simulator/machines")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return await api.AddSimulatorMachineAsync(request.HttpContext, cancellationToken).ConfigureAwait(false);
    }
}
