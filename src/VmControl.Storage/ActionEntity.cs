namespace VmControl.Storage;

/// <summary>
/// An action is one row (partition = VM id, row = action id, which sorts newest first) with its events inside it as
/// JSON, so a task's step (start, events, end) is one conditional write and reading an action is one point read.
/// </summary>
internal static class ActionEntity
{
    public const string StatusColumn = "Status";

    private const string EventsColumn = "Events";

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
        entity.SetString("Project", action.Project);
        entity.SetString("RequestId", action.RequestId);
        entity.SetString("TraceId", action.TraceId);
        entity.SetJson("Parameters", action.Parameters);
        SetError(entity, action.Error);
        entity.SetEnum("VmStateBefore", action.VmStateBefore);
        entity.SetEnum("VmStateAfter", action.VmStateAfter);
        entity.SetJson(EventsColumn, action.Events);
        return entity.EnsureFits();
    }

    /// <summary>The columns a step changes, for a Merge: the rest of the row (who asked, for what) is never rewritten.</summary>
    public static TableEntity ToChangeEntity(string vmId, string actionId, ActionState state)
    {
        var entity = new TableEntity(vmId, actionId);
        entity.SetEnum(StatusColumn, state.Status);
        entity.SetTime("StartedAt", state.StartedAt);
        if (state.End is { } end)
        {
            entity.SetTime("FinishedAt", end.At);
            entity.SetEnum("VmStateAfter", end.VmStateAfter);
            SetError(entity, end.Error);
        }

        // Events only grow, so a merged value never leaves a longer earlier value's tail (Events_1...) behind.
        entity.SetJson(EventsColumn, state.Events);
        return entity.EnsureFits();
    }

    public static ActionRecord FromEntity(TableEntity entity) => FromEntity(entity, withEvents: false);

    public static ActionRecord FromEntity(TableEntity entity, bool withEvents) => new()
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
        Project = entity.GetText("Project") ?? Projects.Default,
        RequestId = entity.GetText("RequestId"),
        TraceId = entity.GetText("TraceId"),
        Parameters = entity.GetJson<Dictionary<string, string>>("Parameters") ?? [],
        Error = ErrorOf(entity),
        Events = withEvents ? EventsOf(entity) : [],
        VmStateBefore = entity.RequiredEnum<VmState>("VmStateBefore"),
        VmStateAfter = entity.GetEnum<VmState>("VmStateAfter"),
    };

    public static ActionState StateOf(TableEntity entity) => FromEntity(entity, withEvents: true).StateOf(entity.ETag.ToString());

    private static List<ActionEvent> EventsOf(TableEntity entity) => entity.GetJson<List<ActionEvent>>(EventsColumn) ?? [];

    private static ActionError? ErrorOf(TableEntity entity) =>
        entity.GetText("ErrorCode") is { } code ? new ActionError(code, entity.GetText("ErrorMessage") ?? string.Empty) : null;

    private static void SetError(TableEntity entity, ActionError? error)
    {
        if (error is not null)
        {
            entity.SetString("ErrorCode", error.Code);
            entity.SetString("ErrorMessage", error.Message);
        }
    }
}
