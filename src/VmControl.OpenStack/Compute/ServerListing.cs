using System.Globalization;
using System.Text.RegularExpressions;
using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// <c>GET /servers[/detail]</c>'s query: <c>name</c> (a regex, searched as Nova does), <c>status</c>, <c>limit</c>,
/// <c>marker</c>; every other parameter is ignored, as Nova ignores what it does not know. Newest first.
/// </summary>
public sealed record ServerListing(Regex? Name, string? Status, int? Limit, string? Marker)
{
    /// <summary>How many VMs one listing reads at most; beyond it Nova would page anyway.</summary>
    public const int MaxScanned = 10_000;

    public static (ServerListing? Listing, NovaResult? Fault) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Regex? name = null;
        if (query["name"].ToString() is { Length: > 0 } pattern)
        {
            try
            {
                name = new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
            }
            catch (ArgumentException)
            {
                return (null, NovaResult.Fault(400, $"Invalid regular expression in name: {pattern}"));
            }
        }

        int? limit = null;
        if (query["limit"].ToString() is { Length: > 0 } text)
        {
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                return (null, NovaResult.Fault(400, "limit param must be an integer"));
            }

            limit = Math.Min(value, VmQueries.MaxLimit);
        }

        var status = query["status"].ToString() is { Length: > 0 } s ? s.ToUpperInvariant() : null;
        var marker = query["marker"].ToString() is { Length: > 0 } m ? m : null;
        return (new ServerListing(name, status, limit, marker), null);
    }

    /// <summary>The page, or the 400 Nova gives for a marker it does not know.</summary>
    public async Task<(IReadOnlyList<VmRecord> Page, bool More, NovaResult? Fault)> RunAsync(VmQueries queries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var all = new List<VmRecord>();
        string? token = null;
        do
        {
            var page = await queries.ListVmsAsync(new VmQuery(Limit: VmQueries.MaxLimit, ContinuationToken: token), cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items.Where(v => v.VmState != VmState.HardDeleted));
            token = page.ContinuationToken;
        }
        while (token is not null && all.Count < MaxScanned);

        var matching = all
            .Where(v => Name is null || Matches(Name, v.Name))
            .Where(v => Status is null || NovaStates.Status(v.VmState, v.TaskState) == Status)
            .OrderByDescending(v => v.CreatedAt)
            .ThenByDescending(v => v.Id, StringComparer.Ordinal)
            .ToList();
        if (Marker is not null)
        {
            var at = matching.FindIndex(v => v.Id == Marker);
            if (at < 0)
            {
                return ([], false, NovaResult.Fault(400, $"marker [{Marker}] not found"));
            }

            matching = matching[(at + 1)..];
        }

        return Limit is { } limit && matching.Count > limit ? (matching[..limit], true, null) : (matching, false, null);
    }

    private static bool Matches(Regex name, string value)
    {
        try
        {
            return name.IsMatch(value);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }
}
