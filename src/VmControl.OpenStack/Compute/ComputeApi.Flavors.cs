namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary>
    /// <c>GET /flavors</c> and <c>/flavors/detail</c> with Nova's <c>minRam</c>, <c>minDisk</c> (at least that much),
    /// <c>limit</c> and <c>marker</c> (a flavor id; one not listed is a 400), in the catalog's order. Other parameters
    /// (<c>is_public</c>, …) are ignored: every flavor is public; from 2.75 one Nova's schema does not know is a 400.
    /// </summary>
    public Task<NovaResult> ListFlavorsAsync(ComputeRequest request, bool detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Http.Request.Query;
        if (NovaQueryKeys.Unknown(query, NovaQueryKeys.Flavors, request.Version) is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        var (minRam, ramFault) = NonNegative(query, "minRam");
        var (minDisk, diskFault) = NonNegative(query, "minDisk");
        var (limit, limitFault) = NonNegative(query, "limit");
        if ((ramFault ?? diskFault ?? limitFault) is { } fault)
        {
            return Task.FromResult(fault);
        }

        var matching = flavors.All.Where(f => f.Ram >= (minRam ?? 0) && f.Disk >= (minDisk ?? 0)).ToList();
        if (query["marker"].ToString() is { Length: > 0 } marker)
        {
            var at = matching.FindIndex(f => f.Id == marker);
            if (at < 0)
            {
                return Task.FromResult(NovaResult.Fault(400, $"marker [{marker}] not found"));
            }

            matching = matching[(at + 1)..];
        }

        var page = limit is { } size && size < matching.Count ? matching[..size] : matching;
        var list = new JsonArray([.. page.Select(f => (JsonNode)(detail ? FlavorView.Detail(f, request.ComputeUrl, request.Version) : FlavorView.Brief(f, request.ComputeUrl, request.Version)))]);
        var body = new JsonObject { ["flavors"] = list };
        if (limit is { } max && max > 0 && page.Count == max)
        {
            // Nova's next link whenever a page is full: the same query, the marker moved to the last flavor shown.
            var next = QueryString.Create(query.Where(q => q.Key != "marker").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v)))
                .Append(KeyValuePair.Create("marker", (string?)page[^1].Id)));
            body["flavors_links"] = new JsonArray(FlavorView.Link("next", request.ComputeUrl + "/flavors" + (detail ? "/detail" : string.Empty) + next));
        }

        return Task.FromResult(NovaResult.Json(200, body));
    }

    /// <summary>An optional non-negative integer parameter, or Nova's 400 for one that is not.</summary>
    private static (int? Value, NovaResult? Fault) NonNegative(IQueryCollection query, string name)
    {
        if (query[name].ToString() is not { Length: > 0 } text)
        {
            return (null, null);
        }

        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? (value, null)
            : (null, NovaResult.Fault(400, name == "limit" ? "limit param must be an integer" : $"Invalid {name} filter [{text}]"));
    }

    /// <summary><c>GET /flavors/{id}</c></summary>
    public Task<NovaResult> ShowFlavorAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(flavors.ById(id) is { } flavor && flavor.Id == id
            ? NovaResult.Json(200, new JsonObject { ["flavor"] = FlavorView.Detail(flavor, request.ComputeUrl, request.Version) })
            : NovaResult.Fault(404, $"Flavor {id} could not be found."));
    }

    /// <summary><c>GET /flavors/{id}/os-extra_specs</c>: OSC's <c>flavor list</c> reads them; VmControl's flavors have none.</summary>
    public Task<NovaResult> FlavorExtraSpecsAsync(ComputeRequest request, string id)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(flavors.ById(id) is { } flavor && flavor.Id == id
            ? NovaResult.Json(200, new JsonObject { ["extra_specs"] = new JsonObject() })
            : NovaResult.Fault(404, $"Flavor {id} could not be found."));
    }
}
