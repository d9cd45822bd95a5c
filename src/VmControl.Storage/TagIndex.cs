using System.Security.Cryptography;
using System.Text;
using Azure;

namespace VmControl.Storage;

/// <summary>
/// The tag index (docs/storage.md): one row per (tag string, VM), partition = the tag, row = the VM id, so the VMs with
/// a tag are one partition read. It is kept beside the VM writes, not in their transaction (another table): rows for
/// added tags are written before the VM, rows for removed tags deleted after it, so the index always holds at least the
/// VMs that have a tag; readers check every candidate against its VM record, and drop a row the VM disowns.
/// </summary>
internal sealed class TagIndex(TableClient table)
{
    // Keys hold at most 1 KiB; a longer escaped tag is named by its hash instead.
    private const int MaxReadablePartition = 400;

    public static string Partition(string tag)
    {
        var escaped = Uri.EscapeDataString(tag);
        return escaped.Length <= MaxReadablePartition
            ? "t" + escaped
            : "h" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(tag)));
    }

    public Task AddAsync(string vmId, IEnumerable<string> tags, CancellationToken cancellationToken) =>
        Task.WhenAll(tags.Select(tag => table.UpsertEntityAsync(new TableEntity(Partition(tag), vmId), TableUpdateMode.Replace, cancellationToken)));

    public Task RemoveAsync(string vmId, IEnumerable<string> tags, CancellationToken cancellationToken) =>
        Task.WhenAll(tags.Select(tag => table.DeleteEntityAsync(Partition(tag), vmId, ETag.All, cancellationToken)));

    /// <summary>Up to <paramref name="limit"/> VM ids with the tag, in id order, after <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<string>> ReadAsync(string tag, string? after, int limit, CancellationToken cancellationToken)
    {
        var filter = new QueryFilter().Equal("PartitionKey", Partition(tag));
        if (after is not null)
        {
            filter.Where("RowKey", "gt", after);
        }

        var ids = new List<string>(limit);
        await foreach (var page in table.QueryAsync<TableEntity>(filter.Build(), maxPerPage: limit, select: ["RowKey"], cancellationToken: cancellationToken)
            .AsPages().ConfigureAwait(false))
        {
            ids.AddRange(page.Values.Select(e => e.RowKey).Take(limit - ids.Count));
            if (ids.Count >= limit || page.ContinuationToken is null)
            {
                break;
            }
        }

        return ids;
    }
}
