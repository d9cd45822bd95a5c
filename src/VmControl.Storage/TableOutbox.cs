using Azure;
using VmControl.Application.Events;

namespace VmControl.Storage;

/// <summary>The outbox rows in the VM, action and alert tables (<see cref="OutboxKeys"/>).</summary>
public sealed class TableOutbox(StorageTables tables) : IOutbox
{
    // A transaction holds at most 100 operations, all in one partition.
    private const int BatchLimit = 100;

    private readonly StorageTables tables = tables ?? throw new ArgumentNullException(nameof(tables));

    public async Task<IReadOnlyList<OutboxEntry>> ReadPendingAsync(OutboxTable table, string partition, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(partition);
        var filter = new QueryFilter()
            .Equal("PartitionKey", partition)
            .Where("RowKey", "ge", OutboxKeys.RowsFrom)
            .Where("RowKey", "lt", OutboxKeys.RowsTo)
            .Build();
        try
        {
            var found = new List<OutboxEntry>();
            await foreach (var entity in TableOf(table).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                found.Add(new OutboxEntry(table, partition, OutboxEntity.FromEntity(entity)));
            }

            return found;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task SettleAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        try
        {
            foreach (var group in entries.GroupBy(e => (e.Table, e.Partition)))
            {
                foreach (var chunk in group.Chunk(BatchLimit))
                {
                    await DeleteAsync(TableOf(group.Key.Table), group.Key.Partition, chunk, cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<DateTimeOffset?> ReadWatermarkAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            var row = await tables.Vms.GetEntityIfExistsAsync<TableEntity>(OutboxKeys.WatermarkPartition, OutboxKeys.WatermarkRow, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return row.HasValue ? row.Value!.GetTime("Watermark") : null;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task WriteWatermarkAsync(DateTimeOffset watermark, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(OutboxKeys.WatermarkPartition, OutboxKeys.WatermarkRow);
        entity.SetTime("Watermark", watermark);
        try
        {
            // One writer at a time moves it (the power-sync pass, a singleton); an overwrite loses nothing it needs.
            await tables.Vms.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private static async Task DeleteAsync(TableClient table, string partition, OutboxEntry[] chunk, CancellationToken cancellationToken)
    {
        if (chunk.Length == 1)
        {
            // A row already gone was settled by another deliverer (recovery racing the writer's process): fine.
            await table.DeleteEntityAsync(partition, OutboxKeys.Row(chunk[0].Event.Id), ETag.All, cancellationToken).ConfigureAwait(false);
            return;
        }

        try
        {
            await table.SubmitTransactionAsync(
                chunk.Select(e => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, OutboxKeys.Row(e.Event.Id)), ETag.All)),
                cancellationToken).ConfigureAwait(false);
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 404)
        {
            // One row of the batch was gone, so none was deleted: delete one by one, each absent row being fine.
            foreach (var e in chunk)
            {
                await table.DeleteEntityAsync(partition, OutboxKeys.Row(e.Event.Id), ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private TableClient TableOf(OutboxTable table) => table switch
    {
        OutboxTable.Vms => tables.Vms,
        OutboxTable.Actions => tables.Actions,
        OutboxTable.Alerts => tables.Alerts,
        OutboxTable.Fleet => tables.Fleet,
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, "Not an outbox table."),
    };
}
