using Azure;
using VmControl.Application.Events;
using Page = VmControl.Application.Model.Page<VmControl.Application.Model.ActionRecord>;

namespace VmControl.Storage;

/// <summary>
/// The action history in Table Storage. It is keyed by VM id and never deleted with the VM. A write that accepts, starts
/// or ends an action adds its events (<see cref="ActionEvents"/>) to the same partition in the same transaction.
/// </summary>
public sealed class TableActionLog(StorageTables tables, OutboxWriter outbox) : IActionLog
{
    private const int MaxRounds = 16;

    private readonly StorageTables tables = tables ?? throw new ArgumentNullException(nameof(tables));
    private readonly OutboxWriter outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));

    /// <summary>A log that publishes no events (tools, benchmarks of the store itself).</summary>
    public TableActionLog(StorageTables tables)
        : this(tables, OutboxWriter.Disabled)
    {
    }

    public async Task<ActionState> AppendAsync(ActionRecord action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        RequireValidIds(action.VmId, action.Id);
        var entity = ActionEntity.ToEntity(action);
        var events = outbox.Events(at => ActionEvents.Appended(action, at));
        try
        {
            var etag = await outbox.WriteAsync(tables.Actions, OutboxTable.Actions, new(TableTransactionActionType.Add, entity), events, cancellationToken).ConfigureAwait(false);
            return action.StateOf(etag);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Action ids are unique to a request: a 409 is our own insert that landed before a storage client's retry.
            return await OwnInsertAsync(action, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Action {action.Id} of VM {action.VmId} already exists.", ex);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private async Task<ActionState?> OwnInsertAsync(ActionRecord action, CancellationToken cancellationToken)
    {
        var stored = await tables.Actions.GetEntityIfExistsAsync<TableEntity>(action.VmId, action.Id, cancellationToken: cancellationToken)
            .ConfigureAwait(false);
        return stored.HasValue && ActionEntity.FromEntity(stored.Value!, withEvents: true) is var found
            && found.Action == action.Action && found.RequestedAt == action.RequestedAt && found.RequestedBy == action.RequestedBy
                ? found.StateOf(stored.Value!.ETag.ToString())
                : null;
    }

    public async Task<ActionState> RecordAsync(
        string vmId,
        string actionId,
        ActionChange change,
        ActionState? known = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(change);
        RequireValidIds(vmId, actionId);
        try
        {
            // A state without the action's identity (recorded by an older version) cannot name the action in an event: read it.
            var current = known?.ETag is null || (outbox.Enabled && known.Identity is null) ? null : known;
            for (var round = 0; round < MaxRounds; round++)
            {
                if (current is null)
                {
                    var response = await tables.Actions.GetEntityIfExistsAsync<TableEntity>(vmId, actionId, cancellationToken: cancellationToken)
                        .ConfigureAwait(false);
                    current = response.HasValue
                        ? ActionEntity.StateOf(response.Value!)
                        : throw new InvalidOperationException($"VM {vmId} has no action {actionId}.");
                }

                if (change.Apply(current) is not { } changed)
                {
                    return current;
                }

                var events = outbox.Events(at => ActionEvents.Between(vmId, actionId, current, changed, at));
                try
                {
                    var etag = await outbox.WriteAsync(tables.Actions, OutboxTable.Actions,
                        new(TableTransactionActionType.UpdateMerge, ActionEntity.ToChangeEntity(vmId, actionId, changed), new ETag(current.ETag!)),
                        events,
                        cancellationToken).ConfigureAwait(false);
                    return changed with { ETag = etag };
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Another writer (a hard delete's pre-emption, a duplicate activity) got there first: decide again on what it wrote.
                    current = null;
                }
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"Action {actionId} of VM {vmId} kept changing under {MaxRounds} compare-and-swap rounds.");
    }

    public async Task<ActionRecord?> GetAsync(string vmId, string actionId, CancellationToken cancellationToken = default)
    {
        if (!VmIds.IsValid(vmId) || !ActionIds.IsValid(actionId))
        {
            return null;
        }

        try
        {
            var response = await tables.Actions.GetEntityIfExistsAsync<TableEntity>(vmId, actionId, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            if (!response.HasValue)
            {
                return null;
            }

            return ActionEntity.FromEntity(response.Value!, withEvents: true);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<Page> ListAsync(string vmId, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        Paging.ValidateLimit(limit);
        if (!VmIds.IsValid(vmId))
        {
            return new Page([], null);
        }

        // Action rows only: the partition's outbox rows sort above '~'.
        var filter = new QueryFilter().Equal("PartitionKey", vmId).Where("RowKey", "lt", OutboxKeys.RecordsBelow).Build();
        try
        {
            return await Paging.ReadAsync(
                tables.Actions, tables.Tokens, $"actions\n{filter}", filter, limit, continuationToken, ActionEntity.FromEntity, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private static void RequireValidIds(string vmId, string actionId)
    {
        if (!VmIds.IsValid(vmId) || !ActionIds.IsValid(actionId))
        {
            throw new ArgumentException($"'{vmId}'/'{actionId}' are not a VM id and an action id this service issues.");
        }
    }
}
