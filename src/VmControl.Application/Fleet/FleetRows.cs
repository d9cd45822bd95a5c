namespace VmControl.Application.Fleet;

/// <summary>The storage helpers the fleet steps share: parallel reads bounded by the settings, and header changes by compare-and-swap.</summary>
internal static class FleetRows
{
    private const int MaxRounds = 8;

    /// <summary>Runs <paramref name="call"/> over <paramref name="items"/>, <paramref name="parallelism"/> at once, keeping the order.</summary>
    public static async Task<TResult[]> EachAsync<TItem, TResult>(
        IReadOnlyList<TItem> items, int parallelism, Func<TItem, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        var results = new TResult[items.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, items.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parallelism), CancellationToken = cancellationToken },
            async (i, ct) => results[i] = await call(items[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        return results;
    }

    /// <summary>Applies <paramref name="change"/> to the stored operation until its compare-and-swap wins (null change: nothing to write).</summary>
    public static async Task<FleetOperation?> ChangeAsync(
        IFleetStore store, string id, Func<FleetOperation, FleetOperation?> change, CancellationToken cancellationToken)
    {
        for (var round = 0; round < MaxRounds; round++)
        {
            var operation = await store.GetAsync(id, cancellationToken).ConfigureAwait(false);
            if (operation is null)
            {
                return null;
            }

            if (change(operation) is not { } next)
            {
                return operation;
            }

            if (await store.TryReplaceAsync(next, cancellationToken).ConfigureAwait(false) is { } written)
            {
                return written;
            }
        }

        throw new StoreUnavailableException($"Fleet operation {id} kept changing under {MaxRounds} compare-and-swap rounds.");
    }
}
