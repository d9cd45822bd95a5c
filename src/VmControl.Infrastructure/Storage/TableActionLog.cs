using Azure;
using Azure.Data.Tables;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;
using Page = VmControl.Application.Model.Page<VmControl.Application.Model.ActionRecord>;

namespace VmControl.Infrastructure.Storage;

/// <summary>The action history in Table Storage. It is keyed by VM id and never deleted with the VM.</summary>
public sealed class TableActionLog(StorageTables tables) : IActionLog
{
    private const int MaxRounds = 16;

    private readonly StorageTables tables = tables ?? throw new ArgumentNullException(nameof(tables));

    public async Task AppendAsync(ActionRecord action, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(action);
        RequireValidIds(action.VmId, action.Id);
        var entity = ActionEntity.ToEntity(action);
        var events = action.Events.Select(e => ActionEntity.ToEventEntity(action.VmId, action.Id, e)).ToList();
        try
        {
            await tables.Actions.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
            foreach (var row in events)
            {
                await tables.ActionEvents.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            throw new InvalidOperationException($"Action {action.Id} of VM {action.VmId} already exists.", ex);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public Task MarkStartedAsync(string vmId, string actionId, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        ChangeAsync(
            vmId,
            actionId,
            // An activity may run twice: the first start time stands.
            action => action.StartedAt is null ? action with { StartedAt = at } : null,
            cancellationToken);

    public async Task AddEventAsync(string vmId, string actionId, ActionEvent actionEvent, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(actionEvent);
        RequireValidIds(vmId, actionId);
        try
        {
            await tables.ActionEvents.AddEntityAsync(ActionEntity.ToEventEntity(vmId, actionId, actionEvent), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409 && ActionEntity.IsTerminal(actionEvent.Step))
        {
            // The action's end was recorded already (a re-run activity after a crash, or a delete's pre-emption and the
            // task itself): the first end stands, as in FinishAsync, so the history shows each task ending exactly once.
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public Task FinishAsync(
        string vmId,
        string actionId,
        ActionStatus status,
        VmState? vmStateAfter,
        ActionError? error,
        DateTimeOffset at,
        CancellationToken cancellationToken = default)
    {
        if (status == ActionStatus.Running)
        {
            throw new ArgumentException("An action finishes as succeeded, failed or preempted.", nameof(status));
        }

        return ChangeAsync(
            vmId,
            actionId,
            action => action.Status == ActionStatus.Running
                ? action with { Status = status, VmStateAfter = vmStateAfter, Error = error, FinishedAt = at }
                : null,
            cancellationToken);
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

            var filter = new QueryFilter().Equal("PartitionKey", ActionEntity.EventPartition(vmId, actionId)).Build();
            var events = new List<ActionEvent>();
            await foreach (var row in tables.ActionEvents.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                events.Add(ActionEntity.EventFromEntity(row));
            }

            return ActionEntity.FromEntity(response.Value!, events);
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

        var filter = new QueryFilter().Equal("PartitionKey", vmId).Build();
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

    /// <summary>Read, change, replace by ETag; <paramref name="change"/> returns null when there is nothing to do.</summary>
    private async Task ChangeAsync(string vmId, string actionId, Func<ActionRecord, ActionRecord?> change, CancellationToken cancellationToken)
    {
        RequireValidIds(vmId, actionId);
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var response = await tables.Actions.GetEntityIfExistsAsync<TableEntity>(vmId, actionId, cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (!response.HasValue)
                {
                    throw new InvalidOperationException($"VM {vmId} has no action {actionId}.");
                }

                var current = response.Value!;
                if (change(ActionEntity.FromEntity(current)) is not { } changed)
                {
                    return;
                }

                try
                {
                    await tables.Actions.UpdateEntityAsync(ActionEntity.ToEntity(changed), current.ETag, TableUpdateMode.Replace, cancellationToken)
                        .ConfigureAwait(false);
                    return;
                }
                catch (RequestFailedException ex) when (ex.Status == 412)
                {
                    // Another writer (a duplicate activity) got there first; decide again on what it wrote.
                }
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        throw new StoreUnavailableException($"Action {actionId} of VM {vmId} kept changing under {MaxRounds} compare-and-swap rounds.");
    }
}
