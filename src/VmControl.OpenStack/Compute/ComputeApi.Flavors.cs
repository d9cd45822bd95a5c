namespace VmControl.OpenStack.Compute;

public sealed partial class ComputeApi
{
    /// <summary><c>GET /flavors</c> and <c>/flavors/detail</c>; Nova's query parameters (<c>is_public</c>, …) are ignored (every flavor is public), others are a 400 from 2.75.</summary>
    public Task<NovaResult> ListFlavorsAsync(ComputeRequest request, bool detail)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (NovaQueryKeys.Unknown(request.Http.Request.Query, NovaQueryKeys.Flavors, request.Version) is { } unknown)
        {
            return Task.FromResult(unknown);
        }

        var list = new JsonArray([.. flavors.All.Select(f => (JsonNode)(detail ? FlavorView.Detail(f, request.ComputeUrl, request.Version) : FlavorView.Brief(f, request.ComputeUrl, request.Version)))]);
        return Task.FromResult(NovaResult.Json(200, new JsonObject { ["flavors"] = list }));
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
