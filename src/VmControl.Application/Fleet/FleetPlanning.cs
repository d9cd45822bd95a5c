using System.Globalization;

namespace VmControl.Application.Fleet;

/// <summary>How a fleet operation's VMs fall into tiers, and in which order the tiers run (pure, so it is tested on its own).</summary>
public static class FleetPlanning
{
    /// <summary>Actions that take a service down run its tiers last to first: what started first stops last.</summary>
    public static bool RunsInReverse(VmAction action) =>
        action is VmAction.Stop or VmAction.Suspend or VmAction.Pause or VmAction.SoftDelete or VmAction.Delete;

    /// <summary>The VMs' ids by tier, in run order; tiers with no VM are left out.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> Tiers(FleetOperation operation, IReadOnlyList<VmRecord> vms)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(vms);
        List<List<string>> tiers;
        if (operation.TierTag is { } key)
        {
            tiers = [.. vms
                .GroupBy(vm => vm.Tags.TryGetValue(key, out var value) ? value : null)
                .OrderBy(g => g.Key is null)
                .ThenBy(g => long.TryParse(g.Key, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : long.MaxValue)
                .ThenBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => g.Select(vm => vm.Id).ToList())];
        }
        else if (operation.Tiers.Count > 0)
        {
            tiers = [.. Enumerable.Range(0, operation.Tiers.Count + 1).Select(_ => new List<string>())];
            foreach (var vm in vms)
            {
                var index = Enumerable.Range(0, operation.Tiers.Count).FirstOrDefault(i => operation.Tiers[i].Matches(vm), operation.Tiers.Count);
                tiers[index].Add(vm.Id);
            }
        }
        else
        {
            tiers = [[.. vms.Select(vm => vm.Id)]];
        }

        IEnumerable<IReadOnlyList<string>> ordered = tiers.Where(t => t.Count > 0);
        return [.. RunsInReverse(operation.Action) ? ordered.Reverse() : ordered];
    }

    /// <summary>How the operation ended, from its VMs' results (docs/fleet.md).</summary>
    public static FleetStatus Outcome(bool cancelled, IReadOnlyCollection<FleetVmResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (cancelled)
        {
            return FleetStatus.Cancelled;
        }

        var succeeded = results.Count(r => r.Status == FleetVmStatus.Succeeded);
        return succeeded == results.Count ? FleetStatus.Succeeded
            : succeeded > 0 ? FleetStatus.PartiallySucceeded
            : FleetStatus.Failed;
    }
}
