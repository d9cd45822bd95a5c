namespace VmControl.Storage;

internal static class AlertEntity
{
    public const string VmIdColumn = "VmId";
    public const string KindColumn = "Kind";
    public const string StatusColumn = "Status";
    public const string ProjectColumn = "Project";
    public const string AlertRowColumn = "AlertRow";

    public static TableEntity ToEntity(AlertRecord alert, string partition, string row)
    {
        var entity = new TableEntity(partition, row);
        entity.SetString(VmIdColumn, alert.VmId);
        entity.SetEnum(KindColumn, alert.Kind);
        entity.SetString(ProjectColumn, alert.Project);
        entity.SetEnum(StatusColumn, alert.Status);
        entity.SetEnum("VmState", alert.VmState);
        entity.SetString("ExpectedPowerStates", string.Join(',', alert.ExpectedPowerStates.Select(p => p.ToWire())));
        entity.SetEnum("ObservedPowerState", alert.ObservedPowerState);
        entity.SetTime("FirstSeenAt", alert.FirstSeenAt);
        entity.SetTime("LastSeenAt", alert.LastSeenAt);
        entity["Count"] = alert.Count;
        entity.SetTime("ResolvedAt", alert.ResolvedAt);
        entity.SetTime("AcknowledgedAt", alert.AcknowledgedAt);
        entity.SetString("AcknowledgeNote", alert.AcknowledgeNote);
        entity.SetString("AcknowledgedBy", alert.AcknowledgedBy);
        entity.SetString("Message", alert.Message);
        return entity.EnsureFits();
    }

    public static AlertRecord FromEntity(TableEntity entity) => new()
    {
        Id = AlertKeys.Id(entity.PartitionKey, entity.RowKey),
        VmId = entity.RequiredText(VmIdColumn),
        Kind = entity.RequiredEnum<AlertKind>(KindColumn),
        Status = entity.RequiredEnum<AlertStatus>(StatusColumn),
        VmState = entity.GetEnum<VmState>("VmState"),
        ExpectedPowerStates = ParsePowerStates(entity.GetText("ExpectedPowerStates")),
        ObservedPowerState = entity.GetEnum<PowerState>("ObservedPowerState"),
        FirstSeenAt = entity.GetTime("FirstSeenAt") ?? default,
        LastSeenAt = entity.GetTime("LastSeenAt") ?? default,
        Count = entity.GetInt32("Count") ?? 1,
        ResolvedAt = entity.GetTime("ResolvedAt"),
        AcknowledgedAt = entity.GetTime("AcknowledgedAt"),
        AcknowledgeNote = entity.GetText("AcknowledgeNote"),
        AcknowledgedBy = entity.GetText("AcknowledgedBy"),
        Message = entity.GetText("Message") ?? string.Empty,
    };

    public static TableEntity ActivePointer(string partition, AlertKind kind, string alertRow) =>
        new(partition, AlertKeys.ActiveRow(kind)) { [AlertRowColumn] = alertRow };

    private static PowerState[] ParsePowerStates(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : [.. text.Split(',').Select(w => WireNames.TryParse<PowerState>(w, out var p) ? p : throw new InvalidOperationException($"Unknown power state '{w}' stored."))];
}
