using Azure.Data.Tables;
using VmControl.Application.Model;
using VmControl.Domain;

namespace VmControl.Infrastructure.Storage;

/// <summary>
/// An action is one row (partition = VM id, row = action id, which sorts newest first); its events are rows of their
/// own table (partition = VM id + action id, row = time + random), so adding one is a single insert with no read and no
/// contention with the action row.
/// </summary>
internal static class ActionEntity
{
    public const string StatusColumn = "Status";

    // Sorts after the time-keyed event rows (digits), so the end reads last.
    private const string TerminalRowKey = "zend";

    public static string EventPartition(string vmId, string actionId) => $"{vmId}_{actionId}";

    public static TableEntity ToEntity(ActionRecord action)
    {
        var entity = new TableEntity(action.VmId, action.Id);
        entity.SetString("Action", action.Action);
        entity.SetEnum("TaskState", action.TaskState);
        entity.SetEnum(StatusColumn, action.Status);
        entity.SetTime("RequestedAt", action.RequestedAt);
        entity.SetTime("StartedAt", action.StartedAt);
        entity.SetTime("FinishedAt", action.FinishedAt);
        entity.SetString("RequestedBy", action.RequestedBy);
        entity.SetString("RequestId", action.RequestId);
        entity.SetJson("Parameters", action.Parameters);
        if (action.Error is { } error)
        {
            entity.SetString("ErrorCode", error.Code);
            entity.SetString("ErrorMessage", error.Message);
        }

        entity.SetEnum("VmStateBefore", action.VmStateBefore);
        entity.SetEnum("VmStateAfter", action.VmStateAfter);
        return entity.EnsureFits();
    }

    public static ActionRecord FromEntity(TableEntity entity) => FromEntity(entity, []);

    public static ActionRecord FromEntity(TableEntity entity, IReadOnlyList<ActionEvent> events) => new()
    {
        Id = entity.RowKey,
        VmId = entity.PartitionKey,
        Action = entity.GetText("Action") ?? string.Empty,
        TaskState = entity.GetEnum<TaskState>("TaskState"),
        Status = entity.RequiredEnum<ActionStatus>(StatusColumn),
        RequestedAt = entity.GetTime("RequestedAt") ?? default,
        StartedAt = entity.GetTime("StartedAt"),
        FinishedAt = entity.GetTime("FinishedAt"),
        RequestedBy = entity.GetText("RequestedBy") ?? string.Empty,
        RequestId = entity.GetText("RequestId"),
        Parameters = entity.GetJson<Dictionary<string, string>>("Parameters") ?? [],
        Error = entity.GetText("ErrorCode") is { } code ? new ActionError(code, entity.GetText("ErrorMessage") ?? string.Empty) : null,
        Events = events,
        VmStateBefore = entity.RequiredEnum<VmState>("VmStateBefore"),
        VmStateAfter = entity.GetEnum<VmState>("VmStateAfter"),
    };

    /// <summary>The steps that end an action: each action has at most one (its row key is fixed, so a second write conflicts).</summary>
    public static bool IsTerminal(string step) => step is "task.succeeded" or "task.failed" or "task.preempted";

    public static TableEntity ToEventEntity(string vmId, string actionId, ActionEvent actionEvent)
    {
        ArgumentNullException.ThrowIfNull(actionEvent);

        // Time first so events read in order; the random tail keeps two events of one tick (or two writers) apart.
        // The end has one fixed key, after every time-keyed row: it is written once and read last.
        var row = IsTerminal(actionEvent.Step)
            ? TerminalRowKey
            : string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"{actionEvent.At.UtcTicks:D19}-{Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4))}");
        var entity = new TableEntity(EventPartition(vmId, actionId), row);
        entity.SetString("Step", actionEvent.Step);
        entity.SetTime("At", actionEvent.At);
        entity.SetString("Result", actionEvent.Result);
        entity.SetString("Detail", actionEvent.Detail);
        return entity.EnsureFits();
    }

    public static ActionEvent EventFromEntity(TableEntity entity) => new(
        entity.GetText("Step") ?? string.Empty,
        entity.GetTime("At") ?? default,
        entity.GetText("Result") ?? string.Empty,
        entity.GetText("Detail"));
}
