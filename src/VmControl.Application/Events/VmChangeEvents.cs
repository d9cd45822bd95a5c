using System.Text.Json.Nodes;

namespace VmControl.Application.Events;

/// <summary>
/// The <c>vmcontrol.vm.*</c> events of one write of a VM record, from its statuses as stored before the write
/// (<see cref="VmRecord.StoredStatus"/>) and after it. A write that changes no status publishes nothing.
/// </summary>
public static class VmChangeEvents
{
    public static IReadOnlyList<VmEvent> Created(VmRecord vm, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return [Build(vm, EventTypes.VmCreated, before: null, at, 0)];
    }

    public static IReadOnlyList<VmEvent> Between(VmStatus? before, VmRecord after, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(after);
        if (before is null)
        {
            return [];
        }

        var events = new List<VmEvent>(2);
        if (after.VmState == VmState.HardDeleted && before.VmState != VmState.HardDeleted)
        {
            events.Add(Build(after, EventTypes.VmDeleted, before, at, events.Count));
        }
        else if (after.VmState != before.VmState || after.TaskState != before.TaskState)
        {
            events.Add(Build(after, EventTypes.VmStateChanged, before, at, events.Count));
        }

        if (after.PowerState != before.PowerState)
        {
            events.Add(Build(after, EventTypes.VmPowerChanged, before, at, events.Count));
        }

        return events;
    }

    private static VmEvent Build(VmRecord vm, string type, VmStatus? before, DateTimeOffset at, int sequence)
    {
        var data = new JsonObject
        {
            ["vmId"] = vm.Id,
            ["name"] = vm.Name,
            ["actionId"] = vm.CurrentActionId,
            ["before"] = before is null ? null : EventData.Statuses(before),
            ["after"] = EventData.Statuses(vm.Status),
        };
        return new VmEvent(EventIds.New(at, sequence), type, VmEvent.SubjectOf(vm.Id), vm.Project, at, EventData.Text(data));
    }
}
