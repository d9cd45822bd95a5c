using System.Globalization;
using Azure;
using VmControl.Application.Events;
using Page = VmControl.Application.Model.Page<VmControl.Application.Fleet.FleetOperation>;
using VmControl.Application.Fleet;

namespace VmControl.Storage;

/// <summary>
/// Fleet operations in Table Storage (<c>{prefix}Fleet</c>, docs/storage.md). The operations share one partition
/// (<c>ops</c>), keyed newest first (inverted creation ticks + id), so a listing is one range read; each operation's
/// per-VM results sit in the operation's own partition (row = VM id), written in batch transactions of 100.
/// </summary>
public sealed class TableFleetStore(StorageTables tables, OutboxWriter outbox) : IFleetStore
{
    private const string Operations = FleetEvents.OutboxPartition;
    private const int BatchSize = 100;
    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Fleet;

    public async Task<FleetOperation> CreateAsync(FleetOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var response = await Call(() => table.AddEntityAsync(ToEntity(operation).EnsureFits(), cancellationToken), cancellationToken).ConfigureAwait(false);
        return operation with { ETag = response.Headers.ETag?.ToString(), Stored = new FleetProgress(operation.Status, operation.CurrentTier) };
    }

    public async Task<FleetOperation?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (!FleetIds.IsValid(id))
        {
            return null;
        }

        var row = await Call(() => table.GetEntityIfExistsAsync<TableEntity>(Operations, RowKeyOf(id), cancellationToken: cancellationToken), cancellationToken)
            .ConfigureAwait(false);
        return row.HasValue ? FromEntity(row.Value!) : null;
    }

    public async Task<FleetOperation?> TryReplaceAsync(FleetOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        try
        {
            // The progress events go in the same transaction as the change: a lost compare-and-swap writes neither.
            var events = outbox.Events(at => FleetEvents.Between(operation, at));
            var write = new TableTransactionAction(TableTransactionActionType.UpdateReplace, ToEntity(operation).EnsureFits(), new ETag(operation.ETag!));
            var etag = await Call(() => outbox.WriteAsync(table, OutboxTable.Fleet, write, events, cancellationToken), cancellationToken).ConfigureAwait(false);
            return operation with { ETag = etag, Stored = new FleetProgress(operation.Status, operation.CurrentTier) };
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
        catch (TableTransactionFailedException ex) when (ex.Status is 404 or 412)
        {
            return null;
        }
    }

    public Task<Page> ListAsync(string? project, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        // The operations' partition also holds their waiting events, keyed above every operation.
        var query = new QueryFilter().Equal("PartitionKey", Operations).Where("RowKey", "lt", "~");
        var filter = (project is null ? query : query.Equal("Project", project)).Build();
        return Call(
            () => Paging.ReadAsync(table, tables.Tokens, "fleet:" + project, filter, limit, continuationToken, FromEntity, cancellationToken),
            cancellationToken);
    }

    public async Task<IReadOnlyList<FleetVmResult>> ResultsAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        var results = new List<FleetVmResult>();
        await Call(
            async () =>
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(new QueryFilter().Equal("PartitionKey", id).Build(), cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    results.Add(ResultOf(entity));
                }

                return results;
            },
            cancellationToken).ConfigureAwait(false);
        return results;
    }

    public async Task WriteResultsAsync(string id, IReadOnlyCollection<FleetVmResult> results, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(results);
        foreach (var batch in results.Chunk(BatchSize))
        {
            await Call(
                () => table.SubmitTransactionAsync(
                    batch.Select(r => new TableTransactionAction(TableTransactionActionType.UpsertReplace, ToEntity(id, r))), cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
    }

    // Newest first: the creation ticks in the id, inverted, then the id itself.
    private static string RowKeyOf(string id) =>
        (long.MaxValue - long.Parse(id.AsSpan(FleetIds.Prefix.Length, 16), NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .ToString("x16", CultureInfo.InvariantCulture) + "-" + id;

    private static TableEntity ToEntity(FleetOperation op)
    {
        var entity = new TableEntity(Operations, RowKeyOf(op.Id)) { ["Id"] = op.Id, ["Concurrency"] = op.Concurrency, ["CurrentTier"] = op.CurrentTier, ["TierCount"] = op.TierCount };
        entity.SetEnum("Action", op.Action);
        entity.SetJson("Parameters", op.Parameters);
        if (op.VmIds is { } ids)
        {
            entity.SetJson("VmIds", ids);
        }

        if (op.Selector is { } selector)
        {
            entity.SetJson("Selector", StoredSelector.From(selector));
        }

        entity.SetJson("Tiers", op.Tiers.Select(StoredSelector.From).ToArray());
        entity.SetString("TierTag", op.TierTag);
        entity["TierDelayMs"] = (long)op.TierDelay.TotalMilliseconds;
        entity.SetEnum("ReadyWhen", op.Readiness.Condition);
        entity.SetEnum("ReadyVmState", op.Readiness.VmState);
        entity["ReadyTimeoutMs"] = (long)op.Readiness.Timeout.TotalMilliseconds;
        entity.SetEnum("Status", op.Status);
        entity.SetString("CreatedBy", op.CreatedBy);
        entity.SetEnum("CreatorRole", op.CreatorRole);
        entity.SetString("Project", op.Project);
        entity["CancelRequested"] = op.CancelRequested;
        entity.SetString("CancelledBy", op.CancelledBy);
        entity.SetString("Error", op.Error);
        entity["VmCount"] = op.VmCount;
        if (op.FinalCounts is { } counts)
        {
            entity.SetJson("FinalCounts", counts);
        }
        entity.SetTime("CreatedAt", op.CreatedAt);
        entity.SetTime("UpdatedAt", op.UpdatedAt);
        entity.SetTime("EndedAt", op.EndedAt);
        return entity;
    }

    private static FleetOperation FromEntity(TableEntity e) => new()
    {
        Id = e.RequiredText("Id"),
        Action = e.RequiredEnum<VmAction>("Action"),
        Parameters = e.GetJson<Dictionary<string, string>>("Parameters") ?? [],
        VmIds = e.GetJson<string[]>("VmIds"),
        Selector = e.GetJson<StoredSelector>("Selector")?.ToSelector(),
        Tiers = [.. (e.GetJson<StoredSelector[]>("Tiers") ?? []).Select(s => s.ToSelector())],
        TierTag = e.GetText("TierTag"),
        TierDelay = TimeSpan.FromMilliseconds(e.GetInt64("TierDelayMs") ?? 0),
        Readiness = new FleetReadiness(
            e.GetEnum<FleetReadinessCondition>("ReadyWhen") ?? FleetReadinessCondition.ActionEnded,
            e.GetEnum<VmState>("ReadyVmState"),
            TimeSpan.FromMilliseconds(e.GetInt64("ReadyTimeoutMs") ?? 0)),
        Concurrency = e.GetInt32("Concurrency") ?? 1,
        Status = e.RequiredEnum<FleetStatus>("Status"),
        CreatedBy = e.RequiredText("CreatedBy"),
        CreatorRole = e.RequiredEnum<Role>("CreatorRole"),
        Project = e.GetText("Project") ?? Projects.Default,
        CurrentTier = e.GetInt32("CurrentTier") ?? 0,
        TierCount = e.GetInt32("TierCount") ?? 0,
        CancelRequested = e.GetBoolean("CancelRequested") ?? false,
        CancelledBy = e.GetText("CancelledBy"),
        Error = e.GetText("Error"),
        VmCount = e.GetInt32("VmCount") ?? 0,
        FinalCounts = e.GetJson<Dictionary<string, int>>("FinalCounts"),
        CreatedAt = e.GetTime("CreatedAt") ?? default,
        UpdatedAt = e.GetTime("UpdatedAt") ?? default,
        EndedAt = e.GetTime("EndedAt"),
        ETag = e.ETag.ToString(),
        Stored = new FleetProgress(e.RequiredEnum<FleetStatus>("Status"), e.GetInt32("CurrentTier") ?? 0),
    };

    private static TableEntity ToEntity(string id, FleetVmResult r)
    {
        var entity = new TableEntity(id, r.VmId) { ["Tier"] = r.Tier };
        entity.SetEnum("Status", r.Status);
        entity.SetString("ActionId", r.ActionId);
        entity.SetString("Code", r.Code);
        entity.SetString("Message", r.Message is { Length: > 1000 } text ? text[..1000] : r.Message);
        return entity;
    }

    private static FleetVmResult ResultOf(TableEntity e) =>
        new(e.RowKey, e.GetInt32("Tier") ?? 0, e.RequiredEnum<FleetVmStatus>("Status"), e.GetText("ActionId"), e.GetText("Code"), e.GetText("Message"));

    private static async Task<T> Call<T>(Func<Task<T>> call, CancellationToken cancellationToken)
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
