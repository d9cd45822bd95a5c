using System.Globalization;
using System.Text.RegularExpressions;
using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// <c>GET /servers[/detail]</c>'s query: <c>name</c> (a regex, searched as Nova does), <c>status</c>, <c>limit</c>,
/// <c>marker</c>, <c>all_tenants</c> (admins); every other parameter is ignored, as Nova ignores what it does not know. Newest first.
/// </summary>
public sealed record ServerListing(Regex? Name, string? Status, int? Limit, string? Marker)
{
    /// <summary>How many VMs one listing reads at most; beyond it Nova would page anyway.</summary>
    public const int MaxScanned = 10_000;

    /// <summary>Nova's <c>all_tenants</c>: an admin's listing of every project (ignored for anyone else).</summary>
    public bool AllTenants { get; init; }

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
        var allTenants = query.TryGetValue("all_tenants", out var all) && all.ToString() is not ("0" or "false" or "False");
        return (new ServerListing(name, status, limit, marker) { AllTenants = allTenants }, null);
    }

    /// <summary>The page, or the 400 Nova gives for a marker it does not know.</summary>
    public async Task<(IReadOnlyList<VmRecord> Page, bool More, NovaResult? Fault)> RunAsync(VmQueries queries, Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(caller);

        // Nova lists the token's project; an admin sees every project only with all_tenants.
        var project = caller.IsAdmin && AllTenants ? null : caller.Project;
        var all = new List<VmRecord>();
        string? token = null;
        do
        {
            var page = await queries.ListVmsAsync(new VmQuery(Limit: VmQueries.MaxLimit, ContinuationToken: token, Project: project), caller, cancellationToken).ConfigureAwait(false);
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
