using Azure;
using VmControl.Application.Events;
using Page = VmControl.Application.Model.Page<VmControl.Application.Model.VmRecord>;

namespace VmControl.Storage;

/// <summary>
/// VM records in Table Storage; every change is a Replace conditional on the record's ETag. A write that changes a status
/// adds its events (<see cref="VmChangeEvents"/>) to the VM's partition in the same transaction (docs/events.md); a write
/// that changes the tags keeps the tag index (<see cref="TagIndex"/>) around it.
/// </summary>
public sealed class TableVmStore(StorageTables tables, OutboxWriter outbox) : IVmStore
{
    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).Vms;
    private readonly OutboxWriter outbox = outbox ?? throw new ArgumentNullException(nameof(outbox));
    private readonly TagIndex tagIndex = new(tables.TagIndex);

    /// <summary>A store that publishes no events (tools, benchmarks of the store itself).</summary>
    public TableVmStore(StorageTables tables)
        : this(tables, OutboxWriter.Disabled)
    {
    }

    public async Task<VmRecord> CreateAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        RequireValidId(vm.Id);
        var entity = VmEntity.ToEntity(vm);
        var events = outbox.Events(at => VmChangeEvents.Created(vm, at));
        try
        {
            await tagIndex.AddAsync(vm.Id, TagText.Of(vm.Tags), cancellationToken).ConfigureAwait(false);
            var etag = await outbox.WriteAsync(table, OutboxTable.Vms, new(TableTransactionActionType.Add, entity), events, cancellationToken).ConfigureAwait(false);
            return vm with { ETag = etag, StoredStatus = vm.Status, StoredTags = vm.Tags };
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // A VM is created claimed by its create action, whose id is unique to the request: a stored record carrying
            // it is our own insert that landed before a storage client's retry.
            return vm.CurrentActionId is not null
                && await GetAsync(vm.Id, cancellationToken).ConfigureAwait(false) is { } stored
                && stored.CurrentActionId == vm.CurrentActionId && stored.CreatedAt == vm.CreatedAt
                    ? stored
                    : throw new InvalidOperationException($"VM {vm.Id} already exists.", ex);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<VmRecord?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        // An id we never issue cannot name a record, and is never sent to storage as a key.
        if (!VmIds.IsValid(id))
        {
            return null;
        }

        try
        {
            var response = await table.GetEntityIfExistsAsync<TableEntity>(id, id, cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            return response.HasValue ? VmEntity.FromEntity(response.Value!) : null;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<VmRecord?> TryReplaceAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        RequireValidId(vm.Id);
        if (string.IsNullOrEmpty(vm.ETag))
        {
            throw new ArgumentException("A replace needs the ETag of the record it was read as.", nameof(vm));
        }

        var entity = VmEntity.ToEntity(vm);
        var events = outbox.Events(at => VmChangeEvents.Between(vm.StoredStatus, vm, at));
        var (added, removed) = TagChanges(vm);
        try
        {
            await tagIndex.AddAsync(vm.Id, added, cancellationToken).ConfigureAwait(false);
            var etag = await outbox.WriteAsync(table, OutboxTable.Vms, new(TableTransactionActionType.UpdateReplace, entity, new ETag(vm.ETag)), events, cancellationToken)
                .ConfigureAwait(false);
            await ForgetTagsAsync(vm.Id, removed, cancellationToken).ConfigureAwait(false);
            return vm with { ETag = etag, StoredStatus = vm.Status, StoredTags = vm.Tags };
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // 412: someone wrote since it was read; 404: there is no such record to replace. Either way, nothing changed.
            return null;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<Page> ListAsync(VmQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        Paging.ValidateLimit(query.Limit);
        if (query.Tags is { Indexed: true })
        {
            return await new TaggedVmListing(tagIndex, tables.Tokens, GetAsync).ReadAsync(query, cancellationToken).ConfigureAwait(false);
        }

        // VM rows only: the outbox rows and the watermark beside them sort above '~'.
        var filter = new QueryFilter().Where("RowKey", "lt", OutboxKeys.RecordsBelow);
        if (query.VmState is { } vmState)
        {
            filter.Equal(VmEntity.VmStateColumn, vmState.ToWire());
        }

        if (query.TaskState is { } taskState)
        {
            filter.Equal(VmEntity.TaskStateColumn, taskState.ToWire());
        }

        if (query.PowerState is { } powerState)
        {
            filter.Equal(VmEntity.PowerStateColumn, powerState.ToWire());
        }

        if (query.IdleOnly)
        {
            filter.Equal(VmEntity.IdleColumn, true);
        }

        if (query.Project is { } project)
        {
            filter.Equal(VmEntity.ProjectColumn, project);
        }

        if (query.ExcludeHardDeleted)
        {
            filter.Where(VmEntity.VmStateColumn, "ne", VmState.HardDeleted.ToWire());
        }

        if (!string.IsNullOrEmpty(query.NamePrefix))
        {
            // Table storage has no "starts with": the names from the prefix up to (not including) the prefix with its
            // last character raised by one are exactly those that start with it, whatever characters follow.
            filter.Where(VmEntity.NameColumn, "ge", query.NamePrefix);
            if (PrefixUpperBound(query.NamePrefix) is { } bound)
            {
                filter.Where(VmEntity.NameColumn, "lt", bound);
            }
        }

        var odata = filter.Build();
        try
        {
            var page = await Paging.ReadAsync(
                table, tables.Tokens, $"vms\n{odata}", odata, query.Limit, query.ContinuationToken, VmEntity.FromEntity, cancellationToken)
                .ConfigureAwait(false);

            // Only negative tag conditions: the table cannot test them, so the page is filtered here (it may be short).
            return query.Tags is { IsEmpty: false } tags ? page with { Items = [.. page.Items.Where(v => tags.Matches(v.Tags))] } : page;
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    private static (IReadOnlyList<string> Added, IReadOnlyList<string> Removed) TagChanges(VmRecord vm)
    {
        // Most writes (every task step) keep the map they read, by reference: nothing to compare.
        if (ReferenceEquals(vm.Tags, vm.StoredTags))
        {
            return ([], []);
        }

        var now = TagText.Of(vm.Tags).ToHashSet(StringComparer.Ordinal);
        var before = vm.StoredTags is { } stored ? TagText.Of(stored).ToHashSet(StringComparer.Ordinal) : [];
        return ([.. now.Except(before)], [.. before.Except(now)]);
    }

    // After the VM's write landed: a row left behind is only a stale candidate that readers drop, so a failure here must
    // not turn a write that happened into one that seems to have failed.
    private async Task ForgetTagsAsync(string vmId, IReadOnlyList<string> removed, CancellationToken cancellationToken)
    {
        try
        {
            await tagIndex.RemoveAsync(vmId, removed, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException || StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            // Left for the readers' check.
        }
    }

    private static void RequireValidId(string id)
    {
        if (!VmIds.IsValid(id))
        {
            throw new ArgumentException($"'{id}' is not a VM id this service issues (vm- and 16 lowercase hex).", nameof(id));
        }
    }

    /// <summary>
    /// The least text above every text that starts with <paramref name="prefix"/>: the prefix with its last character
    /// raised by one (a trailing U+FFFF, which no name holds, is dropped first); null when no bound exists.
    /// </summary>
    internal static string? PrefixUpperBound(string prefix)
    {
        var end = prefix.Length;
        while (end > 0 && prefix[end - 1] == char.MaxValue)
        {
            end--;
        }

        return end == 0 ? null : string.Concat(prefix.AsSpan(0, end - 1), ((char)(prefix[end - 1] + 1)).ToString());
    }
}
