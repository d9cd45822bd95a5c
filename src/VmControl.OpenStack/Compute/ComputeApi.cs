using System.Text;
using VmControl.Application.UseCases;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// The Nova Compute v2.1 subset of docs/openstack.md. A thin adapter: each route maps the request onto a use case
/// (<see cref="CreateVm"/>, <see cref="RequestAction"/>, <see cref="DeleteVm"/>, <see cref="ResetVmState"/>) or
/// <see cref="VmQueries"/> and the result back into Nova's shapes; every lifecycle
/// decision is the application's, so this face and the native API always agree.
/// </summary>
public sealed partial class ComputeApi(
    CreateVm createVm,
    RequestAction requestAction,
    DeleteVm deleteVm,
    ResetVmState resetVmState,
    ChangeSafeguards changeSafeguards,
    ChangeTags changeTags,
    VmQueries queries,
    ServerView view,
    FlavorCatalog flavors,
    TimeProvider time)
{
    private const int MaxBodyBytes = 64 * 1024;

    /// <summary>The request body as a JSON object, or the 400 Nova answers for a malformed one.</summary>
    private static async Task<(JsonObject? Body, NovaResult? Fault)> ReadBodyAsync(ComputeRequest request)
    {
        var http = request.Http.Request;
        if (http.ContentLength > MaxBodyBytes)
        {
            return (null, NovaResult.Fault(413, "Request is too large."));
        }

        using var reader = new StreamReader(http.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), request.Aborted).ConfigureAwait(false);
        if (read > MaxBodyBytes)
        {
            return (null, NovaResult.Fault(413, "Request is too large."));
        }

        var body = NovaJson.ParseObject(new string(buffer, 0, read));
        return body is null ? (null, NovaResult.Fault(400, "Malformed request body")) : (body, null);
    }

    private static IReadOnlyDictionary<string, string> Location(string href) => new Dictionary<string, string> { ["Location"] = href };
}
