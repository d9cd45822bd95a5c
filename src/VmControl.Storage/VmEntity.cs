using Azure;

namespace VmControl.Storage;

/// <summary>
/// A VM record as one entity: partition key = row key = VM id, one row per VM. Enums are stored by wire name. The row
/// key is the id, not a constant, because Azurite (the local store) finds an entity by its row key first: with one row
/// key shared by every VM, each point read, insert and replace scanned every VM (docs/benchmarks.md, power sync).
/// </summary>
internal static class VmEntity
{
    public const string NameColumn = "Name";
    public const string VmStateColumn = "VmState";
    public const string TaskStateColumn = "TaskState";
    public const string PowerStateColumn = "PowerState";
    public const string ProjectColumn = "Project";

    // Table Storage cannot filter on a missing property, so "no task in flight" is stored explicitly.
    public const string IdleColumn = "Idle";

    public static TableEntity ToEntity(VmRecord vm)
    {
        var entity = new TableEntity(vm.Id, vm.Id);
        entity.SetString(NameColumn, vm.Name);
        entity.SetString("Size", vm.Size);
        entity.SetString("Image", vm.Image);
        entity.SetString("Description", vm.Description);
        entity.SetString("AccessIPv4", vm.AccessIPv4);
        entity.SetString("AccessIPv6", vm.AccessIPv6);
        entity.SetJson("Tags", vm.Tags);
        entity.SetString(ProjectColumn, vm.Project);
        if (vm.Locked)
        {
            entity["Locked"] = true;
            entity.SetString("LockedReason", vm.LockedReason);
            entity.SetString("LockedBy", vm.LockedBy);
            entity["LockedByAdmin"] = vm.LockedByAdmin;
            entity.SetTime("LockedAt", vm.LockedAt);
        }

        if (vm.DeleteProtection)
        {
            entity["DeleteProtection"] = true;
        }

        if (vm.StopProtection)
        {
            entity["StopProtection"] = true;
        }
        entity.SetEnum(VmStateColumn, vm.VmState);
        entity.SetEnum(TaskStateColumn, vm.TaskState);
        entity[IdleColumn] = vm.TaskState is null;
        entity.SetEnum(PowerStateColumn, vm.PowerState);
        entity.SetString("PowerStateDetail", vm.PowerStateDetail);
        entity.SetTime("PowerStateObservedAt", vm.PowerStateObservedAt);
        entity.SetEnum("StateBeforeResize", vm.StateBeforeResize);
        entity.SetString("SizeBeforeResize", vm.SizeBeforeResize);
        entity.SetString("CurrentActionId", vm.CurrentActionId);
        entity.SetTime("TaskDeadline", vm.TaskDeadline);
        if (vm.Fault is { } fault)
        {
            entity.SetEnum("FaultAction", fault.Action);
            entity.SetString("FaultActionId", fault.ActionId);
            entity.SetString("FaultCode", fault.Code);
            entity.SetString("FaultMessage", fault.Message);
            entity.SetTime("FaultAt", fault.At);
        }

        entity.SetString("Driver", vm.Driver);
        entity.SetString("ExternalId", vm.ExternalId);
        if (vm.DriftPasses != 0)
        {
            entity["DriftPasses"] = vm.DriftPasses;
        }

        entity.SetTime("DriftSince", vm.DriftSince);
        entity.SetTime("CreatedAt", vm.CreatedAt);
        entity.SetTime("UpdatedAt", vm.UpdatedAt);
        return entity.EnsureFits();
    }

    public static VmRecord FromEntity(TableEntity entity) => FromEntity(entity, entity.ETag);

    public static VmRecord FromEntity(TableEntity entity, ETag etag)
    {
        var vm = Read(entity, etag);
        return vm with { StoredStatus = vm.Status, StoredTags = vm.Tags };
    }

    private static VmRecord Read(TableEntity entity, ETag etag) => new()
    {
        Id = entity.PartitionKey,
        Name = entity.RequiredText(NameColumn),
        Size = entity.RequiredText("Size"),
        Image = entity.RequiredText("Image"),
        Description = entity.GetText("Description"),
        AccessIPv4 = entity.GetText("AccessIPv4"),
        AccessIPv6 = entity.GetText("AccessIPv6"),
        Tags = entity.GetJson<Dictionary<string, string>>("Tags") ?? [],

        // Rows stored before projects existed read as the default project until the start-up migration writes it.
        Project = entity.GetText(ProjectColumn) ?? Projects.Default,
        Locked = entity.GetBoolean("Locked") ?? false,
        LockedReason = entity.GetText("LockedReason"),
        LockedBy = entity.GetText("LockedBy"),
        LockedByAdmin = entity.GetBoolean("LockedByAdmin") ?? false,
        LockedAt = entity.GetTime("LockedAt"),
        DeleteProtection = entity.GetBoolean("DeleteProtection") ?? false,
        StopProtection = entity.GetBoolean("StopProtection") ?? false,
        VmState = entity.RequiredEnum<VmState>(VmStateColumn),
        TaskState = entity.GetEnum<TaskState>(TaskStateColumn),
        PowerState = entity.RequiredEnum<PowerState>(PowerStateColumn),
        PowerStateDetail = entity.GetText("PowerStateDetail"),
        PowerStateObservedAt = entity.GetTime("PowerStateObservedAt"),
        StateBeforeResize = entity.GetEnum<VmState>("StateBeforeResize"),
        SizeBeforeResize = entity.GetText("SizeBeforeResize"),
        CurrentActionId = entity.GetText("CurrentActionId"),
        TaskDeadline = entity.GetTime("TaskDeadline"),
        Fault = entity.GetEnum<VmAction>("FaultAction") is { } action
            ? new VmFault(
                action,
                entity.GetText("FaultActionId") ?? string.Empty,
                entity.GetText("FaultCode") ?? string.Empty,
                entity.GetText("FaultMessage") ?? string.Empty,
                entity.GetTime("FaultAt") ?? default)
            : null,
        Driver = entity.RequiredText("Driver"),
        ExternalId = entity.GetText("ExternalId"),
        DriftPasses = entity.GetInt32("DriftPasses") ?? 0,
        DriftSince = entity.GetTime("DriftSince"),
        CreatedAt = entity.GetTime("CreatedAt") ?? default,
        UpdatedAt = entity.GetTime("UpdatedAt") ?? default,
        ETag = etag.ToString(),
    };
}
