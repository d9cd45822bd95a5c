using Microsoft.DurableTask;

namespace VmControl.Application.Fleet;

/// <summary>
/// The last step: VMs never issued (a cancel, or a plan that could not run) are recorded <c>cancelled</c>, and the
/// operation's outcome is written from its VMs' results.
/// </summary>
public sealed class FinishFleetActivity(IFleetStore store, TimeProvider time) : TaskActivity<string, FleetStatus>
{
    public const string Name = "FinishFleet";

    public override async Task<FleetStatus> RunAsync(TaskActivityContext context, string input)
    {
        var ct = CancellationToken.None;
        var operation = await store.GetAsync(input, ct).ConfigureAwait(false);
        if (operation is null)
        {
            return FleetStatus.Failed;
        }

        var rows = await store.ResultsAsync(operation.Id, ct).ConfigureAwait(false);
        var unissued = rows.Where(r => !r.IsFinal)
            .Select(r => r with { Status = FleetVmStatus.Cancelled, Code = "cancelled", Message = "The operation was cancelled before this VM's turn." })
            .ToList();
        if (unissued.Count > 0)
        {
            await store.WriteResultsAsync(operation.Id, unissued, ct).ConfigureAwait(false);
        }

        var final = rows.Where(r => r.IsFinal).Concat(unissued).ToList();
        var status = operation.Error is not null ? FleetStatus.Failed : FleetPlanning.Outcome(operation.CancelRequested, final);
        var now = time.GetUtcNow();
        var counts = final.GroupBy(r => r.Status.ToWire()).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var written = await FleetRows.ChangeAsync(
            store, operation.Id, op => op.IsFinished ? null : op with { Status = status, VmCount = final.Count, FinalCounts = counts, EndedAt = now, UpdatedAt = now }, ct).ConfigureAwait(false);
        return written?.Status ?? status;
    }
}
