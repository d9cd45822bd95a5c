using System.Text.Json;
using System.Text.Json.Serialization;
using Azure;

namespace VmControl.Storage;

/// <summary>
/// An <see cref="IRecordSet{T}"/> in one partition of its table: the record as JSON in <c>Doc</c>, the row key its id,
/// the row's ETag its version. <c>Until</c> is kept as a column when given, so a query can skip expired rows.
/// </summary>
internal sealed class TableRecordSet<T>(TableClient table, Func<T, string> idOf, Func<T, string?> etagOf, Func<T, string, T> withETag, Func<T, DateTimeOffset?>? untilOf = null)
    : IRecordSet<T>
    where T : class
{
    private const string Partition = "r";
    private const int PageSize = 1000;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task<T?> AddAsync(T record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            var response = await Call(() => table.AddEntityAsync(ToEntity(record), cancellationToken), cancellationToken).ConfigureAwait(false);
            return withETag(record, response.Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return null;
        }
    }

    public async Task<T?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var row = await Call(() => table.GetEntityIfExistsAsync<TableEntity>(Partition, id, cancellationToken: cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<T?> TryReplaceAsync(T record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var etag = etagOf(record) ?? throw new ArgumentException("A replace needs the ETag the record was read at.", nameof(record));
        try
        {
            var response = await Call(
                () => table.UpdateEntityAsync(ToEntity(record), new ETag(etag), TableUpdateMode.Replace, cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return withETag(record, response.Headers.ETag?.ToString() ?? string.Empty);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<RecordDeletion> DeleteAsync(string id, string? ifMatch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        try
        {
            // The SDK answers a delete of a missing row with its 404 response rather than an exception.
            var response = await Call(
                () => table.DeleteEntityAsync(Partition, id, ifMatch is null ? ETag.All : new ETag(ifMatch), cancellationToken), cancellationToken)
                .ConfigureAwait(false);
            return response.Status == 404 ? RecordDeletion.NotFound : RecordDeletion.Deleted;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return RecordDeletion.Moved;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return RecordDeletion.NotFound;
        }
    }

    public Task<IReadOnlyList<T>> ListAsync(CancellationToken cancellationToken = default) =>
        QueryAsync($"PartitionKey eq '{Partition}'", cancellationToken);

    /// <summary>The records whose <c>Until</c> is after <paramref name="now"/>.</summary>
    public Task<IReadOnlyList<T>> ListUnexpiredAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and Until gt {now.UtcDateTime}"), cancellationToken);

    private async Task<IReadOnlyList<T>> QueryAsync(string filter, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        await Call(
            async () =>
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(filter, maxPerPage: PageSize, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    found.Add(FromEntity(entity));
                }

                return true;
            },
            cancellationToken).ConfigureAwait(false);
        return found;
    }

    private TableEntity ToEntity(T record)
    {
        var entity = new TableEntity(Partition, idOf(record));
        entity.SetString("Doc", JsonSerializer.Serialize(record, Json));
        if (untilOf?.Invoke(record) is { } until)
        {
            entity.SetTime("Until", until);
        }

        return entity.EnsureFits();
    }

    private T FromEntity(TableEntity entity)
    {
        var record = JsonSerializer.Deserialize<T>(entity.RequiredText("Doc"), Json)
            ?? throw new InvalidOperationException($"Row {entity.RowKey} of {table.Name} holds no record.");
        return withETag(record, entity.ETag.ToString());
    }

    private static async Task<TResult> Call<TResult>(Func<Task<TResult>> call, CancellationToken cancellationToken)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }
}
