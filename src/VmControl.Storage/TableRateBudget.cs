using Azure;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;

namespace VmControl.Storage;

/// <summary>
/// The rate budget in Table Storage: one row per scope (partition = the escaped scope, row <c>bucket</c>) holding the
/// <see cref="TokenBucket"/>, changed only by compare-and-swap on its ETag, so every worker of a deployment shares it.
/// A refusal writes nothing.
/// </summary>
public sealed class TableRateBudget(StorageTables tables, IOptions<RateBudgetSettings> options, TimeProvider time) : IRateBudget
{
    private const string Row = "bucket";

    // Every lost round means another worker took a token; a burst of concurrent takers needs about as many rounds.
    private const int MaxRounds = 64;

    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Budgets;
    private readonly RateBudgetSettings settings = options?.Value ?? throw new ArgumentNullException(nameof(options));

    public Task<BudgetGrant> TryTakeAsync(BudgetScope scope, CancellationToken cancellationToken = default) =>
        TryTakeAsync(scope, 1, cancellationToken);

    public async Task<BudgetGrant> TryTakeAsync(BudgetScope scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!settings.Enabled)
        {
            return BudgetGrant.Yes with { Count = count };
        }

        return await ChangeAsync(scope, (bucket, now) => bucket.Take(settings, now, count), cancellationToken).ConfigureAwait(false);
    }

    public async Task GiveBackAsync(BudgetScope scope, int count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (settings.Enabled && count > 0)
        {
            await ChangeAsync(scope, (bucket, now) => (bucket.GiveBack(settings, now, count), BudgetGrant.Yes), cancellationToken).ConfigureAwait(false);
        }
    }

    public async Task ParkAsync(BudgetScope scope, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        await ChangeAsync(
            scope,
            (bucket, _) => bucket.ParkUntil(until) is var parked && parked != bucket ? (parked, BudgetGrant.Yes) : (null, BudgetGrant.Yes),
            cancellationToken).ConfigureAwait(false);
    }

    private async Task<BudgetGrant> ChangeAsync(
        BudgetScope scope, Func<TokenBucket, DateTimeOffset, (TokenBucket? Next, BudgetGrant Grant)> change, CancellationToken cancellationToken)
    {
        var partition = Uri.EscapeDataString(scope.Value);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var now = time.GetUtcNow();
                var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, Row, cancellationToken: cancellationToken).ConfigureAwait(false);
                var bucket = stored.HasValue ? Read(stored.Value!) : TokenBucket.Full(settings, now);
                var (next, grant) = change(bucket, now);
                if (next is null)
                {
                    return grant;
                }

                try
                {
                    var entity = Write(partition, next);
                    if (stored.HasValue)
                    {
                        await table.UpdateEntityAsync(entity, stored.Value!.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                    }

                    return grant;
                }
                catch (RequestFailedException ex) when (ex.Status is 409 or 412)
                {
                    // Another worker changed the bucket since it was read: decide again on what it wrote.
                    await Task.Delay(Random.Shared.Next(0, Math.Min(20, 2 * (round + 1))), cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"The rate budget of {scope.Value} kept changing under {MaxRounds} compare-and-swap rounds.");
    }

    private static TokenBucket Read(TableEntity entity) =>
        new(entity.GetDouble("Tokens") ?? 0, entity.GetTime("RefilledAt") ?? default, entity.GetTime("ParkedUntil"));

    private static TableEntity Write(string partition, TokenBucket bucket)
    {
        var entity = new TableEntity(partition, Row) { ["Tokens"] = bucket.Tokens };
        entity.SetTime("RefilledAt", bucket.RefilledAt);
        entity.SetTime("ParkedUntil", bucket.ParkedUntil);
        return entity;
    }
}
