using System.Text.Json.Nodes;
using VmControl.Application.Fleet;

namespace VmControl.Application.Events;

/// <summary>
/// The <c>vmcontrol.fleet.*</c> events (docs/events.md): an operation started (planned, with its tiers and VM count),
/// a tier started, and the operation ended with its counts. They are built from the write itself, comparing the
/// operation with its stored progress (<see cref="FleetOperation.Stored"/>); subject <c>fleet-operations/{id}</c>.
/// The VMs' own actions publish their <c>vmcontrol.action.*</c> events as any action does.
/// </summary>
public static class FleetEvents
{
    /// <summary>The partition of the fleet table that holds every operation, and so their waiting events (recovery reads it).</summary>
    public const string OutboxPartition = "ops";

    public static string SubjectOf(string operationId) => "fleet-operations/" + operationId;

    public static IReadOnlyList<VmEvent> Between(FleetOperation next, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(next);
        var before = next.Stored ?? new FleetProgress(FleetStatus.Pending, 0);
        var events = new List<VmEvent>(2);
        if (before.Status == FleetStatus.Pending && next.Status != FleetStatus.Pending)
        {
            events.Add(Build(next, EventTypes.FleetStarted, at, events.Count, new JsonObject { ["tierCount"] = next.TierCount, ["vmCount"] = next.VmCount }));
        }

        if (next.CurrentTier > before.CurrentTier && !next.IsFinished)
        {
            events.Add(Build(next, EventTypes.FleetTierStarted, at, events.Count, new JsonObject { ["tier"] = next.CurrentTier, ["tierCount"] = next.TierCount }));
        }

        if (next.IsFinished && !FleetOperation.Ended(before.Status))
        {
            var counts = new JsonObject();
            foreach (var (status, count) in next.FinalCounts ?? new Dictionary<string, int>())
            {
                counts[status] = count;
            }

            events.Add(Build(next, EventTypes.FleetCompleted, at, events.Count, new JsonObject
            {
                ["status"] = next.Status.ToWire(),
                ["vmCount"] = next.VmCount,
                ["counts"] = counts,
                ["error"] = next.Error,
                ["cancelledBy"] = next.CancelledBy,
            }));
        }

        return events;
    }

    private static VmEvent Build(FleetOperation op, string type, DateTimeOffset at, int sequence, JsonObject data)
    {
        var full = new JsonObject
        {
            ["operationId"] = op.Id,
            ["action"] = op.Action.ToWire(),
            ["createdBy"] = op.CreatedBy,
        };
        foreach (var (key, value) in data)
        {
            full[key] = value?.DeepClone();
        }

        return new VmEvent(EventIds.New(at, sequence), type, SubjectOf(op.Id), op.Project, at, EventData.Text(full));
    }
}
