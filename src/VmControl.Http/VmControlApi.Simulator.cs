using VmControl.Application.UseCases;
using VmControl.Domain;
using VmControl.Http.Contracts;
using VmControl.Application.Ports;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    private const int MaxLatencyMs = 600_000;

    /// <summary><c>PUT /api/simulator/settings</c></summary>
    public Task<ApiResult> SetSimulatorSettingsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, body) =>
        {
            var (settings, problem) = RequestReader.Parse<SimulatorSettingsBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            if (settings!.LatencyMs is not (>= 0 and <= MaxLatencyMs))
            {
                return Problems.Invalid("latencyMs", $"latencyMs must be an integer from 0 to {MaxLatencyMs}.");
            }

            if (settings.FailureRate is not { } rate || double.IsNaN(rate) || rate < 0 || rate > 1)
            {
                return Problems.Invalid("failureRate", "failureRate must be a number from 0 to 1.");
            }

            await simulator.SetSettingsAsync(settings.LatencyMs!.Value, rate, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new { latencyMs = settings.LatencyMs, failureRate = rate });
        }, cancellationToken);
    }

    /// <summary><c>POST /api/simulator/faults</c></summary>
    public Task<ApiResult> AddSimulatorFaultAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, body) =>
        {
            var (fault, problem) = RequestReader.Parse<SimulatorFaultBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            if (fault!.VmId is { } vmId && !VmIds.IsValid(vmId))
            {
                return Problems.Invalid("vmId", "vmId must be a VM id (vm- and 16 hex digits).");
            }

            if (!TryOptionalAction(fault.Action, out var action))
            {
                return Problems.NotOneOf<VmAction>("action");
            }

            if (fault.Count is not >= 1)
            {
                return Problems.Invalid("count", "count must be an integer of at least 1.");
            }

            if (!WireNames.TryParse<SimulatorFaultKind>(fault.Kind, out var kind))
            {
                return Problems.Invalid("kind", "kind must be 'transient' or 'permanent'.");
            }

            await simulator.AddFaultAsync(fault.VmId, action, fault.Count.Value, kind, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status201Created, new { vmId = fault.VmId, action = action?.ToWire(), count = fault.Count, kind = kind.ToWire() });
        }, cancellationToken);
    }

    /// <summary><c>POST /api/simulator/vms/{id}/power-state</c>: an out-of-band power change.</summary>
    public Task<ApiResult> SetSimulatorPowerStateAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, body) =>
        {
            var (power, problem) = RequestReader.Parse<SimulatorPowerStateBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            if (!WireNames.TryParse<PowerState>(power!.PowerState, out var state))
            {
                return Problems.NotOneOf<PowerState>("powerState");
            }

            if (!VmIds.IsValid(id) || !await simulator.SetPowerStateAsync(id, state, cancellationToken).ConfigureAwait(false))
            {
                return Problems.NotFound($"The simulator has no machine for VM '{Shorten(id)}'.");
            }

            return ApiResult.Json(StatusCodes.Status200OK, new { vmId = id, powerState = state.ToWire() });
        }, cancellationToken);
    }

    /// <summary><c>POST /api/simulator/machines</c>: a machine the control plane does not know.</summary>
    public Task<ApiResult> AddSimulatorMachineAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, body) =>
        {
            var (machine, problem) = RequestReader.Parse<SimulatorMachineBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            // The same name rule as a VM's, so an adopted machine's name is always valid.
            if (VmValidation.Create(new CreateVmRequest(machine!.Name, "size", "image")) is { } invalid)
            {
                return Problems.Invalid(invalid.Field, invalid.Message);
            }

            if (!WireNames.TryParse<PowerState>(machine.PowerState, out var state))
            {
                return Problems.NotOneOf<PowerState>("powerState");
            }

            var externalId = await simulator.AddMachineAsync(machine.Name!, state, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status201Created, new { id = externalId, name = machine.Name, powerState = state.ToWire() });
        }, cancellationToken);
    }

    private Task<ApiResult> Simulated(HttpContext context, Func<ISimulatorControl, RequestBody, Task<ApiResult>> handle, CancellationToken cancellationToken)
    {
        if (Simulator is not { } simulator)
        {
            return Task.FromResult(Problems.Create(
                StatusCodes.Status404NotFound,
                "simulator_not_active",
                "The simulator is not active.",
                $"The active driver is '{driver.Name}'; the simulator routes exist only with the simulated driver."));
        }

        return Mutate(context, body => handle(simulator, body), cancellationToken);
    }

    // A fault's or a hold's optional action: absent matches every action; false when it names none.
    private static bool TryOptionalAction(string? wire, out VmAction? action)
    {
        action = null;
        if (wire is null)
        {
            return true;
        }

        if (!WireNames.TryParse<VmAction>(wire, out var parsed))
        {
            return false;
        }

        action = parsed;
        return true;
    }
}
