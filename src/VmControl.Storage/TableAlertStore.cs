using Azure;
using VmControl.Application.Events;
using Page = VmControl.Application.Model.Page<VmControl.Application.Model.AlertRecord>;

namespace VmControl.Storage;

/// <summary>
/// Alerts in Table Storage (keys in <see cref="AlertKeys"/>). Opening inserts the alert and its "active" row in one
/// transaction, so of two concurrent openers one fails with 409 and bumps instead; bumps and acknowledgements replace by
/// ETag; resolving deletes the active row and resolves the alert in one transaction.
/// </summary>
public sealed class TableAlertStore(StorageTables tables, OutboxWriter outbox) : IAlertStore
{
    // Every lost round means another writer made progress; 20 concurrent bumpers need at most 20.
    private const int MaxRounds = 64;

    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Alerts;
    private readonly OutboxWriter outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));

    /// <summary>A store that publishes no events (tools, benchmarks of the store itself).</summary>
    public TableAlertStore(StorageTables tables)
        : this(tables, OutboxWriter.Disabled)
    {
    }

    public async Task<(AlertRecord Alert, bool Opened)> OpenOrBumpAsync(AlertRecord observation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(observation);
        ArgumentException.ThrowIfNullOrEmpty(observation.VmId);
        var partition = AlertKeys.Partition(observation.VmId);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var active = await ReadActiveAsync(partition, observation.Kind, cancellationToken).ConfigureAwait(false);
                if (active is null)
                {
                    var row = AlertKeys.NewAlertRow(observation.FirstSeenAt);
                    var opened = observation with
                    {
                        Id = AlertKeys.Id(partition, row),
                        Status = AlertStatus.Open,
                        Count = Math.Max(1, observation.Count),
                        ResolvedAt = null,
                        AcknowledgedAt = null,
                        AcknowledgeNote = null,
                        AcknowledgedBy = null,
                    };
                    if (await TrySubmitAsync(
                        partition,
                        [
                            new(TableTransactionActionType.Add, AlertEntity.ActivePointer(partition, observation.Kind, row)),
                            new(TableTransactionActionType.Add, AlertEntity.ToEntity(opened, partition, row)),
                        ],
                        outbox.Events(at => [AlertEvents.Opened(opened, at)]),
                        cancellationToken).ConfigureAwait(false))
                    {
                        return (opened, true);
                    }
                }
                else
                {
                    var (_, alertRow) = active.Value;
                    var current = AlertEntity.FromEntity(alertRow);
                    var bumped = current with
                    {
                        LastSeenAt = observation.LastSeenAt,
                        Count = current.Count + 1,
                        VmState = observation.VmState,
                        ExpectedPowerStates = observation.ExpectedPowerStates,
                        ObservedPowerState = observation.ObservedPowerState,
                        Message = observation.Message,
                    };
                    if (await TryReplaceAsync(bumped, alertRow, cancellationToken).ConfigureAwait(false))
                    {
                        return (bumped, false);
                    }
                }

                await BackOffAsync(round, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"The {observation.Kind} alert of {observation.VmId} kept changing under {MaxRounds} rounds.");
    }

    public async Task<AlertRecord?> GetActiveAsync(string vmId, AlertKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(vmId);
        try
        {
            var active = await ReadActiveAsync(AlertKeys.Partition(vmId), kind, cancellationToken).ConfigureAwait(false);
            return active is { } found ? AlertEntity.FromEntity(found.Alert) : null;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<AlertRecord?> GetAsync(string alertId, CancellationToken cancellationToken = default)
    {
        if (!AlertKeys.TryParseId(alertId, out var partition, out var row))
        {
            return null;
        }

        try
        {
            var entity = await ReadAsync(partition, row, cancellationToken).ConfigureAwait(false);
            return entity is null ? null : AlertEntity.FromEntity(entity);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<AlertRecord?> AcknowledgeAsync(string alertId, string? note, string by, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        if (!AlertKeys.TryParseId(alertId, out var partition, out var row))
        {
            return null;
        }

        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var entity = await ReadAsync(partition, row, cancellationToken).ConfigureAwait(false);
                if (entity is null)
                {
                    return null;
                }

                var current = AlertEntity.FromEntity(entity);
                if (current.Status != AlertStatus.Open)
                {
                    // Acknowledged already, or resolved: nothing to do, and the caller sees what it is.
                    return current;
                }

                var acknowledged = current with { Status = AlertStatus.Acknowledged, AcknowledgedAt = at, AcknowledgeNote = note, AcknowledgedBy = by };
                if (await TrySubmitAsync(
                    partition,
                    [new(TableTransactionActionType.UpdateReplace, AlertEntity.ToEntity(acknowledged, partition, row), entity.ETag)],
                    outbox.Events(now => [AlertEvents.Acknowledged(acknowledged, now)]),
                    cancellationToken).ConfigureAwait(false))
                {
                    return acknowledged;
                }

                await BackOffAsync(round, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"Alert {alertId} kept changing under {MaxRounds} rounds.");
    }

    public async Task<bool> ResolveAsync(string vmId, AlertKind kind, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(vmId);
        var partition = AlertKeys.Partition(vmId);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                if (await ReadActiveAsync(partition, kind, cancellationToken).ConfigureAwait(false) is not { } active)
                {
                    return false;
                }

                var (pointer, alertRow) = active;

                var resolved = AlertEntity.FromEntity(alertRow) with { Status = AlertStatus.Resolved, ResolvedAt = at };
                if (await TrySubmitAsync(
                    partition,
                    [
                        new(TableTransactionActionType.Delete, pointer, pointer.ETag),
                        new(TableTransactionActionType.UpdateReplace, AlertEntity.ToEntity(resolved, partition, alertRow.RowKey), alertRow.ETag),
                    ],
                    outbox.Events(now => [AlertEvents.Resolved(resolved, now)]),
                    cancellationToken).ConfigureAwait(false))
                {
                    return true;
                }

                await BackOffAsync(round, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"The {kind} alert of {vmId} kept changing under {MaxRounds} rounds.");
    }

    public async Task<Page> ListAsync(AlertQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Paging.ValidateLimit(query.Limit);
        var filter = new QueryFilter();
        if (query.VmId is { } vmId)
        {
            // The partition narrows the scan; the VmId condition makes the match exact.
            filter.Equal("PartitionKey", AlertKeys.Partition(vmId)).Equal(AlertEntity.VmIdColumn, vmId);
        }

        // Only alert rows, not the "active" pointer rows beside them.
        filter.Where("RowKey", "ge", AlertKeys.AlertRowsFrom).Where("RowKey", "lt", AlertKeys.AlertRowsTo);
        if (query.Status is { } status)
        {
            filter.Equal(AlertEntity.StatusColumn, status.ToWire());
        }

        if (query.Kind is { } kind)
        {
            filter.Equal(AlertEntity.KindColumn, kind.ToWire());
        }

        if (query.Project is { } project)
        {
            filter.Equal(AlertEntity.ProjectColumn, project);
        }

        var odata = filter.Build();
        try
        {
            return await Paging.ReadAsync(
                table, tables.Tokens, $"alerts\n{odata}", odata, query.Limit, query.ContinuationToken, AlertEntity.FromEntity, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private static Task BackOffAsync(int round, CancellationToken cancellationToken) =>
        // A little jitter spreads writers that lost the same round so the next one is not lost by all but one again.
        Task.Delay(Random.Shared.Next(0, Math.Min(20, 2 * (round + 1))), cancellationToken);

    private async Task<(TableEntity Pointer, TableEntity Alert)?> ReadActiveAsync(string partition, AlertKind kind, CancellationToken cancellationToken)
    {
        var pointer = await ReadAsync(partition, AlertKeys.ActiveRow(kind), cancellationToken).ConfigureAwait(false);
        if (pointer?.GetString(AlertEntity.AlertRowColumn) is not { } row)
        {
            return null;
        }

        // Both rows are written in one transaction, so a pointer always has its alert.
        var alert = await ReadAsync(partition, row, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Active alert row {partition}/{row} is missing.");
        return (pointer, alert);
    }

    private async Task<TableEntity?> ReadAsync(string partition, string row, CancellationToken cancellationToken)
    {
        var response = await table.GetEntityIfExistsAsync<TableEntity>(partition, row, cancellationToken: cancellationToken).ConfigureAwait(false);
        return response.HasValue ? response.Value : null;
    }

    private async Task<bool> TryReplaceAsync(AlertRecord alert, TableEntity read, CancellationToken cancellationToken)
    {
        try
        {
            await table.UpdateEntityAsync(AlertEntity.ToEntity(alert, read.PartitionKey, read.RowKey), read.ETag, TableUpdateMode.Replace, cancellationToken)
                .ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    /// <summary>
    /// The writes and their events' outbox rows in one transaction. False when it lost a race (a row already exists, moved
    /// on, or is gone); nothing was written then.
    /// </summary>
    private async Task<bool> TrySubmitAsync(
        string partition, IReadOnlyList<TableTransactionAction> actions, IReadOnlyList<VmEvent> events, CancellationToken cancellationToken)
    {
        try
        {
            await table.SubmitTransactionAsync([.. actions, .. OutboxWriter.Rows(partition, events)], cancellationToken).ConfigureAwait(false);
            outbox.Committed(OutboxTable.Alerts, partition, events);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412 or 404)
        {
            return false;
        }
    }
}
