using System.Security.Cryptography;
using System.Text;
using Azure;

namespace VmControl.Storage;

/// <summary>
/// Idempotency records in Table Storage. The key is client text, so it is never a storage key itself: the partition
/// is a SHA-256 of scope and key. Table Storage has no expiry, so an expired row is ignored on read, replaced on add,
/// and deleted by <see cref="SweepExpiredAsync"/>.
/// </summary>
public sealed class TableIdempotencyStore(StorageTables tables) : IIdempotencyStore
{
    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Idempotency;

    public async Task<IdempotencyRecord?> GetAsync(string scope, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scope);
        ArgumentNullException.ThrowIfNull(key);
        try
        {
            var entity = await ReadAsync(Partition(scope, key), cancellationToken).ConfigureAwait(false);
            return entity is not null && FromEntity(entity) is var record && record.ExpiresAt > now
                && record.Scope == scope && record.Key == key
                ? record
                : null;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<bool> TryAddAsync(IdempotencyRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var entity = ToEntity(record);
        try
        {
            try
            {
                await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
                return true;
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
                // Taken; fall through to see whether the holder has expired.
            }

            var existing = await ReadAsync(entity.PartitionKey, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                // Gone between the two calls (swept): a plain insert decides again.
                return await TryInsertAsync(entity, cancellationToken).ConfigureAwait(false);
            }

            if (FromEntity(existing).ExpiresAt > record.CreatedAt)
            {
                return false;
            }

            // Expired: take it over, but only if nobody else took it over since we read it.
            await table.UpdateEntityAsync(entity, existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<int> SweepExpiredAsync(DateTimeOffset now, int maxRows, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRows, 1);
        var filter = TableClient.CreateQueryFilter($"ExpiresAt lt {now}");
        var seen = 0;
        var deleted = 0;
        try
        {
            await foreach (var row in table.QueryAsync<TableEntity>(filter, Math.Min(maxRows, 1000), ["PartitionKey", "RowKey"], cancellationToken)
                .ConfigureAwait(false))
            {
                if (++seen > maxRows)
                {
                    break;
                }

                try
                {
                    // By ETag: a row an add took over since the query (a live record now) stays.
                    await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, row.ETag, cancellationToken).ConfigureAwait(false);
                    deleted++;
                }
                catch (RequestFailedException ex) when (ex.Status is 404 or 412)
                {
                    // Gone or taken over meanwhile: nothing to sweep.
                }
            }

            return deleted;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private static string Partition(string scope, string key)
    {
        // Length-prefixed so ("a", "bc") and ("ab", "c") never hash alike.
        var text = $"{scope.Length}:{scope}\n{key}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static TableEntity ToEntity(IdempotencyRecord record)
    {
        // Row key = partition key (not a constant): Azurite finds an entity by row key first (see VmEntity).
        var partition = Partition(record.Scope, record.Key);
        var entity = new TableEntity(partition, partition);
        entity.SetString("Scope", record.Scope);
        entity.SetString("Key", record.Key);
        entity.SetString("RequestHash", record.RequestHash);
        entity["StatusCode"] = record.StatusCode;
        entity.SetString("Body", record.Body);
        entity.SetJson("Headers", record.Headers);
        entity.SetTime("CreatedAt", record.CreatedAt);
        entity.SetTime("ExpiresAt", record.ExpiresAt);
        return entity.EnsureFits();
    }

    private static IdempotencyRecord FromEntity(TableEntity entity) => new(
        entity.RequiredText("Scope"),
        entity.RequiredText("Key"),
        entity.GetText("RequestHash") ?? string.Empty,
        entity.GetInt32("StatusCode") ?? 0,
        entity.GetText("Body") ?? string.Empty,
        entity.GetJson<Dictionary<string, string>>("Headers") ?? [],
        entity.GetTime("CreatedAt") ?? default,
        entity.GetTime("ExpiresAt") ?? default);

    private async Task<TableEntity?> ReadAsync(string partition, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, partition, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<bool> TryInsertAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
