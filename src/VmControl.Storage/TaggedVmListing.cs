using System.Globalization;
using Page = VmControl.Application.Model.Page<VmControl.Application.Model.VmRecord>;

namespace VmControl.Storage;

/// <summary>
/// A VM listing with a positive tag condition, served from the tag index: only the index rows of the tag (the first of
/// <c>tags</c>, or each of <c>tags-any</c> in turn) are read, a page of them at a time, and each candidate VM is read
/// and checked against the whole query (the index may hold a row its VM no longer has). A VM with several of the
/// <c>tags-any</c> tags is listed under the first of them only. A page holds at most the limit, possibly fewer.
/// </summary>
internal sealed class TaggedVmListing(TagIndex index, ContinuationTokenCodec tokens, Func<string, CancellationToken, Task<VmRecord?>> read)
{
    // Point reads in flight at once for one page.
    private const int ReadsAtOnce = 16;

    public async Task<Page> ReadAsync(VmQuery query, CancellationToken cancellationToken)
    {
        var filter = query.Tags!;
        IReadOnlyList<string> sources = filter.All.Count > 0 ? [filter.All[0]] : [.. filter.Any.Distinct(StringComparer.Ordinal)];
        var scope = "vms-by-tag\n" + string.Join('\n', sources) + "\n" + query with { ContinuationToken = null };
        var (source, after) = Position(tokens.Decode(scope, query.ContinuationToken));
        if (source >= sources.Count)
        {
            throw new InvalidContinuationTokenException();
        }

        var ids = await index.ReadAsync(sources[source], after, query.Limit, cancellationToken).ConfigureAwait(false);
        var candidates = await ReadAllAsync(ids, cancellationToken).ConfigureAwait(false);
        var earlier = sources.Take(source).ToList();
        var items = candidates
            .Where(vm => vm is not null && VmQueryMatch.Matches(query, vm) && !earlier.Any(tag => TagText.Has(vm.Tags, tag)))
            .Select(vm => vm!)
            .ToList();

        string? next = ids.Count == query.Limit ? Token(source, ids[^1])
            : source + 1 < sources.Count ? Token(source + 1, null)
            : null;
        return new Page(items, next is null ? null : tokens.Encode(scope, next));
    }

    private static (int Source, string? After) Position(string? token)
    {
        if (token is null)
        {
            return (0, null);
        }

        var colon = token.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && int.TryParse(token.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var source)
            ? (source, colon + 1 < token.Length ? token[(colon + 1)..] : null)
            : throw new InvalidContinuationTokenException();
    }

    private static string Token(int source, string? after) => string.Create(CultureInfo.InvariantCulture, $"{source}:{after}");

    private async Task<VmRecord?[]> ReadAllAsync(IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        var found = new VmRecord?[ids.Count];
        await Parallel.ForAsync(0, ids.Count, new ParallelOptions { MaxDegreeOfParallelism = ReadsAtOnce, CancellationToken = cancellationToken }, async (i, ct) =>
            found[i] = await read(ids[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return found;
    }
}
