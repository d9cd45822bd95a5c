using VmControl.Application.Fleet;
using VmControl.Domain;

namespace VmControl.Http.Contracts;

/// <summary>A fleet operation as the API shows it: what was asked, where it is, counts per status and tier, and (on GET of one) every VM's result.</summary>
public sealed record FleetOperationResource(
    string Id,
    string Action,
    IReadOnlyDictionary<string, string> Parameters,
    FleetTargetBody Target,
    IReadOnlyList<SelectorBody> Tiers,
    string? TierTag,
    int TierDelaySeconds,
    FleetReadinessBody Readiness,
    int Concurrency,
    string Status,
    string? Error,
    int CurrentTier,
    int TierCount,
    bool CancelRequested,
    string? CancelledBy,
    string CreatedBy,
    string Project,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyDictionary<string, int>? Counts,
    IReadOnlyList<FleetTierResource>? TierProgress,
    IReadOnlyList<FleetVmResultResource>? Results)
{
    public static FleetOperationResource From(FleetOperation op, IReadOnlyList<FleetVmResult>? results = null)
    {
        ArgumentNullException.ThrowIfNull(op);
        return new(
            op.Id,
            op.Action.ToWire(),
            op.Parameters,
            new FleetTargetBody(op.VmIds, op.Selector is { } s ? SelectorBody.From(s) : null),
            [.. op.Tiers.Select(SelectorBody.From)],
            op.TierTag,
            (int)op.TierDelay.TotalSeconds,
            new FleetReadinessBody(op.Readiness.Condition.ToCamel(), op.Readiness.VmState?.ToWire(), (int)op.Readiness.Timeout.TotalSeconds),
            op.Concurrency,
            op.Status.ToWire(),
            op.Error,
            op.CurrentTier,
            op.TierCount,
            op.CancelRequested,
            op.CancelledBy,
            op.CreatedBy,
            op.Project,
            op.CreatedAt,
            op.UpdatedAt,
            op.EndedAt,
            results is null ? null : Count(results),
            results is null ? null : [.. results.Where(r => r.Tier > 0).GroupBy(r => r.Tier).OrderBy(g => g.Key).Select(g => new FleetTierResource(g.Key, g.Count(), Count([.. g])))],
            results is null ? null : [.. results.Select(FleetVmResultResource.From)]);
    }

    private static Dictionary<string, int> Count(IReadOnlyList<FleetVmResult> results)
    {
        var counts = Enum.GetValues<FleetVmStatus>().ToDictionary(s => s.ToWire(), _ => 0, StringComparer.Ordinal);
        foreach (var result in results)
        {
            counts[result.Status.ToWire()]++;
        }

        counts["total"] = results.Count;
        return counts;
    }
}
