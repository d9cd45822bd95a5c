using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace VmControl.Application.Fleet;

/// <summary>
/// Whether a tier is ready for the next: every VM whose action succeeded meets the readiness condition. On the last look
/// (<see cref="FleetStep.Final"/>, the tier's timeout) the VMs still not ready are recorded <c>not_ready</c>.
/// </summary>
public sealed class CheckFleetReadinessActivity(IFleetStore store, IVmStore vms, IOptions<FleetSettings> options)
    : TaskActivity<FleetStep, FleetTierState>
{
    public const string Name = "CheckFleetReadiness";

    public override async Task<FleetTierState> RunAsync(TaskActivityContext context, FleetStep input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var operation = await store.GetAsync(input.OperationId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Fleet operation {input.OperationId} is not stored.");
        var succeeded = (await store.ResultsAsync(operation.Id, ct).ConfigureAwait(false))
            .Where(r => r.Tier == input.Tier && r.Status == FleetVmStatus.Succeeded)
            .ToList();
        var read = await FleetRows.EachAsync(succeeded, options.Value.Parallelism, (row, token) => vms.GetAsync(row.VmId, token), ct).ConfigureAwait(false);
        var notReady = succeeded.Where((_, i) => read[i] is not { } vm || !operation.Readiness.IsMetBy(vm)).ToList();
        if (input.Final && notReady.Count > 0)
        {
            await store.WriteResultsAsync(
                operation.Id,
                [.. notReady.Select(r => r with
                {
                    Status = FleetVmStatus.NotReady,
                    Code = "not_ready",
                    Message = $"The action succeeded but the VM did not become ready ({Describe(operation.Readiness)}) within {operation.Readiness.Timeout}.",
                })],
                ct).ConfigureAwait(false);
        }

        return new FleetTierState(0, 0, null, operation.CancelRequested, notReady.Count);
    }

    private static string Describe(FleetReadiness readiness) => readiness.Condition switch
    {
        FleetReadinessCondition.PowerRunning => "power running",
        FleetReadinessCondition.VmState => "vm_state " + readiness.VmState?.ToWire(),
        _ => "action ended",
    };
}
