using System.Globalization;
using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// <c>GET /servers/{id}/os-instance-actions</c>'s query from 2.58 (Nova's <c>index_query_v258</c>/<c>v266</c>):
/// <c>limit</c>, <c>marker</c> (a request id), <c>changes-since</c> and, from 2.66, <c>changes-before</c>, both on
/// <c>updated_at</c>; any other parameter is a 400. Before 2.58 every parameter is ignored and the whole history shown.
/// </summary>
public sealed record InstanceActionQuery(int? Limit, string? Marker, DateTimeOffset? ChangesSince, DateTimeOffset? ChangesBefore)
{
    public static InstanceActionQuery All { get; } = new(null, null, null, null);

    public static (InstanceActionQuery? Query, NovaResult? Fault) Parse(IQueryCollection query, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (!version.AtLeast("2.58"))
        {
            return (All, null);
        }

        string[] known = version.AtLeast("2.66") ? ["limit", "marker", "changes-since", "changes-before"] : ["limit", "marker", "changes-since"];
        if (query.Keys.FirstOrDefault(k => !known.Contains(k, StringComparer.Ordinal)) is { } unknown)
        {
            return (null, NovaResult.Fault(400, $"Invalid input for query parameters {unknown}. Additional properties are not allowed ('{unknown}' was unexpected)"));
        }

        int? limit = null;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return (null, NovaResult.Fault(400, $"Invalid input for query parameters limit. Value: {limitText[^1]}. '{limitText[^1]}' does not match '^[0-9]*$'"));
            }

            limit = Math.Min(value, VmQueries.MaxLimit);
        }

        var (since, sinceFault) = Time(query, "changes-since");
        var (before, beforeFault) = Time(query, "changes-before");
        if ((sinceFault ?? beforeFault) is { } fault)
        {
            return (null, fault);
        }

        if (since is not null && before is not null && before < since)
        {
            return (null, NovaResult.Fault(400, "The value of changes-since must be less than or equal to changes-before."));
        }

        var marker = query.TryGetValue("marker", out var m) ? m[^1] : null;
        return (new InstanceActionQuery(limit, marker, since, before), null);
    }

    /// <summary>The page (newest first), whether a next link is due, or Nova's 400 for an unknown marker.</summary>
    public (IReadOnlyList<ActionRecord> Page, bool Full, NovaResult? Fault) Apply(IReadOnlyList<ActionRecord> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var matching = newestFirst.Where(a => Within(InstanceActionView.UpdatedAt(a))).ToList();
        var start = 0;
        if (Marker is not null)
        {
            var at = matching.FindIndex(a => InstanceActionView.RequestIdOf(a) == Marker);
            if (at < 0)
            {
                return ([], false, NovaResult.Fault(400, $"Marker {Marker} could not be found."));
            }

            start = at + 1;
        }

        var size = Math.Min(Limit ?? VmQueries.MaxLimit, VmQueries.MaxLimit);
        var page = matching.Skip(start).Take(size).ToList();

        // Nova's rule for a next link: the page holds exactly as many as were asked for (or the maximum).
        return (page, size > 0 && page.Count == size, null);
    }

    // Both bounds are on updated_at and inclusive, as Nova's query.
    private bool Within(DateTimeOffset updated) => (ChangesSince is null || updated >= ChangesSince) && (ChangesBefore is null || updated <= ChangesBefore);

    private static (DateTimeOffset? Value, NovaResult? Fault) Time(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var text))
        {
            return (null, null);
        }

        return DateTimeOffset.TryParse(text[^1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
            ? (value, null)
            : (null, NovaResult.Fault(400, $"Invalid input for query parameters {name}. Value: {text[^1]}. '{text[^1]}' is not a 'date-time'"));
    }
}
