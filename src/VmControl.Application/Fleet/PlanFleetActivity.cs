using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using VmControl.Application.UseCases;

namespace VmControl.Application.Fleet;

/// <summary>
/// The first step of an operation: resolves its target now (the VM ids one by one, or the selector a page at a time),
/// places every VM in its tier and writes one pending row per VM. A repeated step (after a crash) finds the rows and
/// plans from them, so the tiers never change once written.
/// </summary>
public sealed class PlanFleetActivity(IFleetStore store, IVmStore vms, VmSelection selection, IOptions<FleetSettings> options, TimeProvider time)
    : TaskActivity<string, FleetPlan>
{
    public const string Name = "PlanFleet";

    private readonly FleetSettings settings = options.Value;

    public override async Task<FleetPlan> RunAsync(TaskActivityContext context, string input)
    {
        var operation = await store.GetAsync(input, CancellationToken.None).ConfigureAwait(false);
        if (operation is null)
        {
            return new FleetPlan(0, TimeSpan.Zero, FleetReadiness.ActionEnded, "The operation is not stored.");
        }

        var rows = await store.ResultsAsync(operation.Id, CancellationToken.None).ConfigureAwait(false);
        var error = operation.Error;
        if (rows.Count == 0 && error is null)
        {
            (rows, error) = await PlaceAsync(operation).ConfigureAwait(false);
            await store.WriteResultsAsync(operation.Id, rows, CancellationToken.None).ConfigureAwait(false);
        }

        var tiers = rows.Count == 0 ? 0 : rows.Max(r => r.Tier);
        var now = time.GetUtcNow();
        await FleetRows.ChangeAsync(
            store,
            operation.Id,
            stored => stored.Status != FleetStatus.Pending ? null : stored with { Status = FleetStatus.Running, TierCount = tiers, VmCount = rows.Count, Error = error, UpdatedAt = now },
            CancellationToken.None).ConfigureAwait(false);
        return new FleetPlan(tiers, operation.TierDelay, operation.Readiness, error);
    }

    private async Task<(IReadOnlyList<FleetVmResult> Rows, string? Error)> PlaceAsync(FleetOperation operation)
    {
        var caller = operation.Caller;
        var found = new List<VmRecord>();
        var missing = new List<FleetVmResult>();
        if (operation.VmIds is { } ids)
        {
            var read = await FleetRows.EachAsync(ids, settings.Parallelism, vms.GetAsync, CancellationToken.None).ConfigureAwait(false);
            for (var i = 0; i < ids.Count; i++)
            {
                if (read[i] is { } vm && caller.Sees(vm.Project) && vm.VmState != VmState.HardDeleted)
                {
                    found.Add(vm);
                }
                else
                {
                    missing.Add(new FleetVmResult(ids[i], 0, FleetVmStatus.Skipped, Code: "vm_not_found", Message: "No VM you see has this id."));
                }
            }
        }
        else
        {
            await foreach (var vm in selection.SelectAsync(operation.Selector ?? Selector.Everything, caller, CancellationToken.None).ConfigureAwait(false))
            {
                if (found.Count == settings.MaxVms)
                {
                    return ([], $"The selector names more than {settings.MaxVms} VMs; narrow it.");
                }

                found.Add(vm);
            }
        }

        var tiers = FleetPlanning.Tiers(operation, found);
        return ([.. missing, .. tiers.SelectMany((tier, i) => tier.Select(id => new FleetVmResult(id, i + 1, FleetVmStatus.Pending)))], null);
    }
}
