using Microsoft.Extensions.Options;
using VmControl.Application.Events;

namespace VmControl.Storage;

/// <summary>
/// How the stores publish: the outbox rows to add to a write's transaction, and the hand-over of what committed to the
/// process's <see cref="IEventSink"/>. With events off (<see cref="EventSettings.Enabled"/>) it adds nothing.
/// </summary>
public sealed class OutboxWriter(IEventSink sink, IOptions<EventSettings> settings, TimeProvider time)
{
    private readonly TimeProvider time = time ?? throw new ArgumentNullException(nameof(time));
    private readonly IEventSink sink = sink ?? throw new ArgumentNullException(nameof(sink));

    /// <summary>For stores built without a host (tools, tests of other behaviour): no events.</summary>
    public static OutboxWriter Disabled { get; } = new(NullEventSink.Instance, Options.Create(new EventSettings { Enabled = false }), TimeProvider.System);

    public bool Enabled { get; } = settings?.Value.Enabled ?? throw new ArgumentNullException(nameof(settings));

    /// <summary>The write's time: every event of a write carries it, so ids sort in commit order across the tables.</summary>
    internal DateTimeOffset Now => time.GetUtcNow();

    /// <summary>The events of a write, built only when events are on.</summary>
    internal IReadOnlyList<VmEvent> Events(Func<DateTimeOffset, IReadOnlyList<VmEvent>> build) => Enabled ? build(Now) : [];

    internal static IEnumerable<TableTransactionAction> Rows(string partition, IReadOnlyList<VmEvent> events) =>
        events.Select(e => new TableTransactionAction(TableTransactionActionType.Add, OutboxEntity.ToEntity(partition, e)));

    internal void Committed(OutboxTable table, string partition, IReadOnlyList<VmEvent> events)
    {
        if (events.Count > 0)
        {
            sink.Committed([.. events.Select(e => new OutboxEntry(table, partition, e))]);
        }
    }

    /// <summary>
    /// One write of a record (an insert, or an update conditional on its ETag), in one transaction with its events' outbox
    /// rows when it has any, which are then handed to the sink. Returns the record's new ETag.
    /// </summary>
    internal async Task<string?> WriteAsync(
        TableClient table, OutboxTable kind, TableTransactionAction write, IReadOnlyList<VmEvent> events, CancellationToken cancellationToken)
    {
        var entity = (TableEntity)write.Entity;
        if (events.Count == 0)
        {
            var response = write.ActionType switch
            {
                TableTransactionActionType.Add => await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false),
                TableTransactionActionType.UpdateMerge =>
                    await table.UpdateEntityAsync(entity, write.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false),
                _ => await table.UpdateEntityAsync(entity, write.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false),
            };
            return response.Headers.ETag?.ToString();
        }

        var responses = await table.SubmitTransactionAsync([write, .. Rows(entity.PartitionKey, events)], cancellationToken).ConfigureAwait(false);
        Committed(kind, entity.PartitionKey, events);
        return responses.Value[0].Headers.ETag?.ToString();
    }
}
