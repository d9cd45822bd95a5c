namespace VmControl.Storage;

/// <summary>
/// Row keys of the outbox rows that sit in the partitions of the VM, action and alert tables: <c>~evt~</c> + the event
/// id. '~' sorts after every key the records use (VM ids, action ids, alert rows), so a record query keeps to
/// <c>RowKey lt '~'</c> and the outbox of a partition is one range.
/// </summary>
internal static class OutboxKeys
{
    public const string RecordsBelow = "~";
    public const string RowsFrom = "~evt~";
    public const string RowsTo = "~evt~~";

    // The recovery watermark is one row of the VM table, outside every VM's partition and every record query.
    public const string WatermarkPartition = "~outbox";
    public const string WatermarkRow = "~watermark";

    public static string Row(string eventId) => RowsFrom + eventId;
}
