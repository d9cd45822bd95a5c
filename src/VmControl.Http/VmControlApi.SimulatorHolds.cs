using VmControl.Domain;
using VmControl.Http.Contracts;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    private const string AnyVm = "*";

    /// <summary><c>POST /api/simulator/holds</c>: operations on the VM (or every VM) stay in progress until released.</summary>
    public Task<ApiResult> AddSimulatorHoldAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, body) =>
        {
            var (hold, problem) = RequestReader.Parse<SimulatorHoldBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var vmId = hold!.VmId;
            if (vmId is null || (vmId != AnyVm && !VmIds.IsValid(vmId)))
            {
                return Problems.Invalid("vmId", "vmId must be a VM id (vm- and 16 hex digits) or '*' for every VM.");
            }

            if (!TryOptionalAction(hold.Action, out var action))
            {
                return Problems.NotOneOf<VmAction>("action");
            }

            var id = await simulator.AddHoldAsync(vmId == AnyVm ? null : vmId, action, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status201Created, new { id, vmId, action = action?.ToWire() });
        }, cancellationToken);
    }

    /// <summary><c>DELETE /api/simulator/holds/{id}</c>: the held operations end at their next poll.</summary>
    public Task<ApiResult> ReleaseSimulatorHoldAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Simulated(context, async (simulator, _) =>
            await simulator.ReleaseHoldAsync(id, cancellationToken).ConfigureAwait(false)
                ? ApiResult.Json(StatusCodes.Status200OK, new { id, released = true })
                : Problems.NotFound($"The simulator has no hold '{Shorten(id)}'."), cancellationToken);
    }
}
