using VmControl.Application.Budget;
using VmControl.Application.UseCases;

namespace VmControl.Application.Schedules;

/// <summary>What a tick reads and acts through: the actions are ordinary requests through each VM's lock.</summary>
internal sealed record TickPorts(
    IVmStore Vms, IAlertStore Alerts, IActionLog Actions, IIdempotencyStore Idempotency, RequestAction RequestAction, AutomatedStarts Budget);
