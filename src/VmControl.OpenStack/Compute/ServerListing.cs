using System.Globalization;
using System.Text.RegularExpressions;
using VmControl.Application.Model;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// <c>GET /servers[/detail]</c>'s query: <c>name</c> (a regex, searched as Nova does), <c>status</c>, <c>flavor</c> (a
/// flavor id), <c>image</c> (an image reference), <c>limit</c>, <c>marker</c>, <c>all_tenants</c> (admins); every other
/// parameter is ignored, as Nova ignores what it does not know. Newest first.
/// The name regex is the caller's text run against every VM, so it cannot be allowed to burn CPU: it is compiled
/// non-backtracking (linear in the name, no catastrophic patterns), all its matches in one request share one
/// <see cref="MatchBudget"/>, and matching stops once the page is full.
/// </summary>
public sealed record ServerListing(Regex? Name, string? Status, int? Limit, string? Marker)
{
    /// <summary>How many VMs one listing reads at most; beyond it Nova would page anyway.</summary>
    public const int MaxScanned = 10_000;

    /// <summary>Nova's names are at most 255 characters; a longer pattern is no search anyone needs.</summary>
    public const int MaxPatternLength = 255;

    /// <summary>The time all of one request's name matches may take together; past it the request is a 400.</summary>
    public static readonly TimeSpan MatchBudget = TimeSpan.FromSeconds(1);

    /// <summary>Nova's <c>all_tenants</c>: an admin's listing of every project (ignored for anyone else).</summary>
    public bool AllTenants { get; init; }

    /// <summary>The 2.26 tag filters (<see cref="ServerTagFilters"/>); null for none.</summary>
    public TagFilter? Tags { get; init; }

    /// <summary>2.73's <c>locked</c> filter; null for none.</summary>
    public bool? Locked { get; init; }

    /// <summary>Nova's <c>flavor</c> filter, as the VmControl size of the flavor id given; an unknown flavor matches nothing.</summary>
    public string? FlavorId { get; init; }

    /// <summary>Nova's <c>image</c> filter: the image reference, compared exactly.</summary>
    public string? Image { get; init; }

    public static (ServerListing? Listing, NovaResult? Fault) Parse(IQueryCollection query, NovaVersion version)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (NovaQueryKeys.Unknown(query, NovaQueryKeys.Servers, version) is { } unknown)
        {
            return (null, unknown);
        }

        // From 2.38 a status no server can have is a 400; before, it simply matches nothing.
        if (version.AtLeast("2.38") && query["status"].Any(s => !NovaStates.Statuses.Contains((s ?? string.Empty).ToUpperInvariant())))
        {
            return (null, NovaResult.Fault(400, "Invalid status value"));
        }

        Regex? name = null;
        if (query["name"].ToString() is { Length: > 0 } pattern)
        {
            if (pattern.Length > MaxPatternLength)
            {
                return (null, NovaResult.Fault(400, $"Invalid regular expression in name: longer than {MaxPatternLength} characters"));
            }

            try
            {
                name = new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, MatchBudget);
            }
            catch (ArgumentException)
            {
                return (null, NovaResult.Fault(400, $"Invalid regular expression in name: {pattern}"));
            }
            catch (NotSupportedException)
            {
                // Backreferences, lookarounds and the like need backtracking, which is what is refused here.
                return (null, NovaResult.Fault(400, $"Unsupported regular expression in name (no backreferences or lookarounds): {pattern}"));
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
        bool? locked = null;
        if (version.AtLeast("2.73") && query["locked"].LastOrDefault() is { } lockedText)
        {
            var (value, error) = NovaBool.Parse(lockedText);
            if (error is not null)
            {
                return (null, NovaResult.Fault(400, "Invalid input received: " + error));
            }

            locked = value;
        }

        var flavor = query["flavor"].ToString() is { Length: > 0 } f ? f : null;
        var image = query["image"].ToString() is { Length: > 0 } i ? i : null;
        return (new ServerListing(name, status, limit, marker)
        {
            AllTenants = allTenants, FlavorId = flavor, Image = image, Tags = ServerTagFilters.Parse(query, version), Locked = locked,
        }, null);
    }

    /// <summary>The page, or the 400 Nova gives for a marker it does not know or for a name search over its time budget.</summary>
    public async Task<(IReadOnlyList<VmRecord> Page, bool More, NovaResult? Fault)> RunAsync(
        VmQueries queries, Caller caller, TimeProvider time, FlavorCatalog flavors, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(flavors);
        if (Limit == 0)
        {
            // Nova answers limit=0 with an empty page and no next link (there is no last item to continue from).
            return ([], false, null);
        }

        // Nova: a flavor filter naming no flavor is an empty list, not an error.
        var size = FlavorId is null ? null : flavors.ById(FlavorId) is { } known && known.Id == FlavorId ? known.SizeName : string.Empty;

        // Nova lists the token's project; an admin sees every project only with all_tenants.
        var project = caller.IsAdmin && AllTenants ? null : caller.Project;
        var all = new List<VmRecord>();
        string? token = null;
        do
        {
            var page = await queries.ListVmsAsync(new VmQuery(Limit: VmQueries.MaxLimit, ContinuationToken: token, Project: project, Tags: Tags), caller, cancellationToken).ConfigureAwait(false);
            all.AddRange(page.Items.Where(v => v.VmState != VmState.HardDeleted));
            token = page.ContinuationToken;
        }
        while (token is not null && all.Count < MaxScanned);

        // Sorted before any regex runs, so matching can walk newest first and stop at a full page.
        var candidates = all
            .Where(v => Status is null || NovaStates.Status(v.VmState, v.TaskState) == Status)
            .Where(v => size is null || v.Size == size)
            .Where(v => Image is null || v.Image == Image)

            // The store narrows by the tag index; the check here holds whichever store answered.
            .Where(v => Tags is null || Tags.Matches(v.Tags))
            .Where(v => Locked is null || v.Locked == Locked)
            .OrderByDescending(v => v.CreatedAt)
            .ThenByDescending(v => v.Id, StringComparer.Ordinal)
            .ToList();
        var start = 0;
        if (Marker is not null)
        {
            var at = candidates.FindIndex(v => v.Id == Marker);
            if (at < 0)
            {
                return ([], false, NovaResult.Fault(400, $"marker [{Marker}] not found"));
            }

            start = at + 1;
        }

        // One more than the page: enough to know whether there is a next page, and not one match further.
        var wanted = Limit is { } limit ? limit + 1 : int.MaxValue;
        var deadline = time.GetUtcNow() + MatchBudget;
        var matching = new List<VmRecord>();
        for (var i = start; i < candidates.Count && matching.Count < wanted; i++)
        {
            if (Name is not null && time.GetUtcNow() > deadline)
            {
                return ([], false, NovaResult.Fault(400, "The name filter took too long; use a simpler regular expression or a smaller limit."));
            }

            if (Name is null || Matches(Name, candidates[i].Name))
            {
                matching.Add(candidates[i]);
            }
        }

        return Limit is { } pageSize && matching.Count > pageSize ? (matching[..pageSize], true, null) : (matching, false, null);
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
