using Azure;
using VmControl.Application.Events;

namespace VmControl.Storage;

/// <summary>Dead letters: the partition is the target (subscription id or <c>publisher:</c> name), the row the event id, so a list is in event order.</summary>
public sealed class TableDeadLetterStore(StorageTables tables) : IDeadLetterStore
{
    private readonly TableClient table = (tables ?? throw new ArgumentNullException(nameof(tables))).DeadLetters;

    public async Task AddAsync(DeadLetter letter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(letter);
        var entity = new TableEntity(letter.TargetId, letter.Event.Id);
        entity.SetString("Type", letter.Event.Type);
        entity.SetString("Subject", letter.Event.Subject);
        entity.SetString("Project", letter.Event.Project);
        entity.SetTime("Time", letter.Event.Time);
        entity.SetString("Data", letter.Event.Data);
        entity["Attempts"] = letter.Attempts;
        entity.SetString("LastError", letter.LastError);
        entity.SetTime("DeadAt", letter.DeadAt);
        try
        {
            await table.UpsertEntityAsync(entity.EnsureFits(), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }

    public async Task<IReadOnlyList<DeadLetter>> ListAsync(string targetId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetId);
        var found = new List<DeadLetter>();
        try
        {
            await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == targetId, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var e = new VmEvent(
                    entity.RowKey,
                    entity.GetText("Type") ?? string.Empty,
                    entity.GetText("Subject") ?? string.Empty,
                    entity.GetText("Project") ?? Projects.Default,
                    entity.GetTime("Time") ?? default,
                    entity.GetText("Data") ?? "{}");
                found.Add(new DeadLetter(targetId, e, entity.GetInt32("Attempts") ?? 0, entity.GetText("LastError") ?? string.Empty, entity.GetTime("DeadAt") ?? default));
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }

        return found;
    }

    public async Task DeleteAsync(string targetId, IReadOnlyList<string> eventIds, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(targetId);
        ArgumentNullException.ThrowIfNull(eventIds);
        try
        {
            // A row already gone (a replay racing another) is fine: the SDK answers its delete with a 404 response.
            foreach (var id in eventIds)
            {
                await table.DeleteEntityAsync(targetId, id, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (StorageErrors.IsUnavailable(ex, cancellationToken))
        {
            throw StorageErrors.Unavailable(ex);
        }
    }
}
