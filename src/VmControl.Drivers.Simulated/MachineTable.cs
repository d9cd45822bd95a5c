using Azure;
using Azure.Data.Tables;

namespace VmControl.Drivers.Simulated;

/// <summary>The simulator's own table: reads, and writes that are conditional on the row's ETag.</summary>
internal sealed class MachineTable(TableClient client)
{
    public const int MaxPageSize = 1000;

    // Table batch transactions take at most 100 operations.
    private const int MaxBatch = 100;

    private static readonly string AllMachines = TableClient.CreateQueryFilter($"PartitionKey eq {MachineEntity.Partition}");

    // Checked once per instance: after a successful create the table exists for the life of the process.
    private volatile bool created;

    public string Name => client.Name;

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }

        await client.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        created = true;
    }

    public async Task<MachineEntity?> GetAsync(string externalId, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var response = await client.GetEntityIfExistsAsync<MachineEntity>(MachineEntity.Partition, externalId, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    /// <summary>Adds a new row; false when a row with that id exists.</summary>
    public async Task<bool> TryAddAsync(MachineEntity machine, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await client.AddEntityAsync(machine, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return false;
        }
    }

    /// <summary>Replaces the row if it is still the version read; false when another writer got there first (or it is gone).</summary>
    public async Task<bool> TryReplaceAsync(MachineEntity machine, CancellationToken cancellationToken)
    {
        try
        {
            await client.UpdateEntityAsync(machine, machine.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    /// <summary>Deletes the row if it is still the version read; false when it changed since.</summary>
    public async Task<bool> TryDeleteAsync(MachineEntity machine, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteEntityAsync(machine.PartitionKey, machine.RowKey, machine.ETag, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
    }

    /// <summary>Inserts or replaces rows, 100 to a transaction (seeding thousands of machines for paging and benchmarks).</summary>
    public async Task UpsertManyAsync(IReadOnlyList<MachineEntity> machines, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        foreach (var chunk in machines.Chunk(MaxBatch))
        {
            var actions = chunk.Select(m => new TableTransactionAction(TableTransactionActionType.UpsertReplace, m));
            await client.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>One page of rows in row-key order, and an opaque token for the next page (null at the end).</summary>
    public async Task<(IReadOnlyList<MachineEntity> Rows, string? Next)> ListPageAsync(string? token, CancellationToken cancellationToken)
    {
        await EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var tableToken = token is null ? null : PageTokens.Decode(token);
        var pages = client.QueryAsync<MachineEntity>(AllMachines, MaxPageSize, cancellationToken: cancellationToken).AsPages(tableToken, MaxPageSize);
        try
        {
            await foreach (var page in pages.ConfigureAwait(false))
            {
                return (page.Values, page.ContinuationToken is null ? null : PageTokens.Encode(page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (e.Status == 400)
        {
            throw new InvalidContinuationTokenException("The continuation token is not one the simulated hypervisor issued.", e);
        }

        return ([], null);
    }
}
