using System.Collections.Concurrent;

namespace VmControl.Reliability.Tests.Support;

/// <summary>The action ids the API accepted for each VM (from Operation-Location), to compare with its history later.</summary>
public sealed class VmTracker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, bool>> accepted = new();

    public IReadOnlyCollection<string> VmIds => [.. accepted.Keys];

    public IReadOnlyCollection<string> AcceptedFor(string vmId) =>
        accepted.TryGetValue(vmId, out var ids) ? [.. ids.Keys] : [];

    public int AcceptedCount => accepted.Values.Sum(v => v.Count);

    /// <summary>Records an answer's action when it is a 202 (a repeated delete answers with the same action id: one entry).</summary>
    public bool Record(string vmId, ApiResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var ids = accepted.GetOrAdd(vmId, _ => new());
        if (response.Status != HttpStatusCode.Accepted)
        {
            return false;
        }

        ids[Accepted.ActionId(response)] = true;
        return true;
    }

    /// <summary>Creates a VM and records its create action.</summary>
    public async Task<string> CreateAsync(ApiClient api, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        var created = await api.PostAsync("/api/vms", $$"""{"name":"{{name}}","size":"small","image":"ubuntu"}""", cancellationToken).ConfigureAwait(false);
        ApiClient.Expect(created, HttpStatusCode.Accepted);
        var vmId = created.Json.Str("id")!;
        Record(vmId, created);
        return vmId;
    }
}
