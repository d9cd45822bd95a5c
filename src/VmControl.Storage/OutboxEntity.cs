using VmControl.Application.Events;

namespace VmControl.Storage;

/// <summary>An outbox row: the event's attributes and data, in the partition of the record whose change caused it.</summary>
internal static class OutboxEntity
{
    public static TableEntity ToEntity(string partition, VmEvent e)
    {
        var entity = new TableEntity(partition, OutboxKeys.Row(e.Id));
        entity.SetString("Type", e.Type);
        entity.SetString("Subject", e.Subject);
        entity.SetString("Project", e.Project);
        entity.SetTime("Time", e.Time);
        entity.SetString("Data", e.Data);
        return entity.EnsureFits();
    }

    public static VmEvent FromEntity(TableEntity entity) => new(
        entity.RowKey[OutboxKeys.RowsFrom.Length..],
        entity.GetText("Type") ?? string.Empty,
        entity.GetText("Subject") ?? string.Empty,
        entity.GetText("Project") ?? Projects.Default,
        entity.GetTime("Time") ?? default,
        entity.GetText("Data") ?? "{}");
}
