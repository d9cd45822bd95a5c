namespace VmControl.Storage;

internal static class Paging
{
    public const int MaxLimit = 1000;

    // A sparse filter over many partitions can come back as empty pages with a continuation; a few rounds fill the
    // page, and the bound keeps one request short (the client simply follows the token).
    private const int MaxRounds = 8;

    public static void ValidateLimit(int limit)
    {
        if (limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"The limit must be 1-{MaxLimit}.");
        }
    }

    /// <summary>Reads up to <paramref name="limit"/> matching entities from where <paramref name="continuationToken"/> left off.</summary>
    public static async Task<Page<T>> ReadAsync<T>(
        TableClient table,
        ContinuationTokenCodec tokens,
        string scope,
        string? filter,
        int limit,
        string? continuationToken,
        Func<TableEntity, T> map,
        CancellationToken cancellationToken)
    {
        ValidateLimit(limit);
        var azureToken = tokens.Decode(scope, continuationToken);
        var items = new List<T>(Math.Min(limit, 100));
        for (var round = 0; round < MaxRounds && items.Count < limit; round++)
        {
            var remaining = limit - items.Count;
            var pages = table.QueryAsync<TableEntity>(filter, remaining, cancellationToken: cancellationToken).AsPages(azureToken, remaining);
            await foreach (var page in pages.ConfigureAwait(false))
            {
                items.AddRange(page.Values.Select(map));
                azureToken = page.ContinuationToken;
                break;
            }

            if (azureToken is null)
            {
                break;
            }
        }

        return new Page<T>(items, azureToken is null ? null : tokens.Encode(scope, azureToken));
    }
}
