using Azure;

namespace VmControl.Storage;

/// <summary>
/// Webhook subscriptions, one partition (there are few, and delivery reads them all every refresh). The secret is stored
/// as is (docs/security.md): whoever reads this table can sign as VmControl to the subscriber.
/// </summary>
public sealed class TableSubscriptionStore(StorageTables tables) : ISubscriptionStore
{
    private const string Partition = "sub";
    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Subscriptions;

    public Task AddAsync(EventSubscription subscription, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        var entity = new TableEntity(Partition, subscription.Id);
        entity.SetString("Url", subscription.Url.OriginalString);
        entity.SetJson("Types", subscription.Types);
        entity.SetJson("Subjects", subscription.Subjects);
        entity.SetString("Secret", subscription.Secret);
        entity["MaxAttempts"] = subscription.MaxAttempts;
        entity.SetTime("CreatedAt", subscription.CreatedAt);
        entity.SetString("CreatedBy", subscription.CreatedBy);
        return Call(() => table.AddEntityAsync(entity.EnsureFits(), cancellationToken), cancellationToken);
    }

    public async Task<IReadOnlyList<EventSubscription>> ListAsync(CancellationToken cancellationToken = default)
    {
        var found = new List<EventSubscription>();
        await Call(
            async () =>
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == Partition, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    found.Add(FromEntity(entity));
                }
            },
            cancellationToken).ConfigureAwait(false);
        return [.. found.OrderBy(s => s.CreatedAt).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    public async Task<EventSubscription?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        NullableResponse<TableEntity>? row = null;
        await Call(async () => row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken).ConfigureAwait(false), cancellationToken)
            .ConfigureAwait(false);
        return row is { HasValue: true } ? FromEntity(row.Value!) : null;
    }

    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);

        // The SDK answers a delete of a missing row with its 404 response rather than an exception.
        var status = 0;
        await Call(async () => status = (await table.DeleteEntityAsync(Partition, id, ETag.All, cancellationToken).ConfigureAwait(false)).Status, cancellationToken)
            .ConfigureAwait(false);
        return status != 404;
    }

    private static EventSubscription FromEntity(TableEntity entity) => new(
        entity.RowKey,
        new Uri(entity.RequiredText("Url"), UriKind.Absolute),
        entity.GetJson<string[]>("Types"),
        entity.GetJson<string[]>("Subjects"),
        entity.RequiredText("Secret"),
        entity.GetInt32("MaxAttempts") ?? 1,
        entity.GetTime("CreatedAt") ?? default,
        entity.GetText("CreatedBy") ?? string.Empty);

    private static async Task Call(Func<Task> call, CancellationToken cancellationToken)
    {
        try
        {
            await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }
}
