namespace VmControl.Functions.Http;

/// <summary>The simulated driver's control surface (admin); 404 <c>simulator_not_active</c> with another driver.</summary>
public sealed class SimulatorFunctions(VmControlApi api)
{
    [Function("SetSimulatorSettings")]
    public Task<IActionResult> SetSimulatorSettings(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "simulator/settings")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.SetSimulatorSettingsAsync(context, cancellationToken));

    [Function("AddSimulatorFault")]
    public Task<IActionResult> AddSimulatorFault(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "simulator/faults")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.AddSimulatorFaultAsync(context, cancellationToken));

    [Function("AddSimulatorHold")]
    public Task<IActionResult> AddSimulatorHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "simulator/holds")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.AddSimulatorHoldAsync(context, cancellationToken));

    [Function("ReleaseSimulatorHold")]
    public Task<IActionResult> ReleaseSimulatorHold(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "simulator/holds/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.ReleaseSimulatorHoldAsync(context, id, cancellationToken));

    [Function("SetSimulatorPowerState")]
    public Task<IActionResult> SetSimulatorPowerState(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "simulator/vms/{id}/power-state")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.SetSimulatorPowerStateAsync(context, id, cancellationToken));

    [Function("AddSimulatorMachine")]
    public Task<IActionResult> AddSimulatorMachine(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "simulator/machines")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.AddSimulatorMachineAsync(context, cancellationToken));
}
