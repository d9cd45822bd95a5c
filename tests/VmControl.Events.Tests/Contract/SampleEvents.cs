using VmControl.Application.Fleet;

namespace VmControl.Events.Tests.Contract;

/// <summary>
/// One event of every type, each built by the real builders (VmChangeEvents, ActionEvents, AlertEvents) from records as
/// the stores write them, with nullable fields both set and unset across the set.
/// </summary>
internal static class SampleEvents
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<VmEvent> All()
    {
        var vm = new VmRecord
        {
            Id = "vm-0123456789abcdef",
            Name = "web-1",
            Size = "small",
            Image = "ubuntu",
            Driver = "simulated",
            Project = "team-a",
            VmState = VmState.Initialized,
            TaskState = TaskState.Spawning,
            CurrentActionId = "a0000000000000000001-00ff",
        };
        var active = vm with { VmState = VmState.Active, TaskState = null, PowerState = PowerState.Running, CurrentActionId = null };
        var stopped = active with { VmState = VmState.Stopped, PowerState = PowerState.Shutdown };
        var deleted = stopped with { VmState = VmState.HardDeleted };

        var stop = new ActionRecord
        {
            Id = "a0000000000000000002-00aa",
            VmId = vm.Id,
            Action = "stop",
            TaskState = TaskState.PoweringOff,
            RequestedAt = At,
            RequestedBy = "alice",
            Project = "team-a",
            VmStateBefore = VmState.Active,
        };
        var accepted = stop.StateOf(etag: null);
        var started = accepted with { StartedAt = At };
        var succeeded = started with { End = new ActionEnd(ActionStatus.Succeeded, VmState.Stopped, null, At) };
        var failed = started with { End = new ActionEnd(ActionStatus.Failed, VmState.Error, new ActionError("driver_error", "The hypervisor said no."), At) };
        var preempted = started with { End = new ActionEnd(ActionStatus.Preempted, null, null, At) };

        var alert = new AlertRecord
        {
            Id = "power_mismatch-vm-0123456789abcdef",
            VmId = vm.Id,
            Kind = AlertKind.PowerMismatch,
            Project = "team-a",
            VmState = VmState.Active,
            ExpectedPowerStates = [PowerState.Running],
            ObservedPowerState = PowerState.Shutdown,
            Count = 2,
            Message = "Running expected, shutdown observed.",
            FirstSeenAt = At,
            LastSeenAt = At,
        };
        var stranger = new AlertRecord
        {
            Id = "unknown_on_hypervisor-stray-1",
            VmId = "stray-1",
            Kind = AlertKind.UnknownOnHypervisor,
            ObservedPowerState = PowerState.Running,
            Message = "A machine no VM claims.",
        };

        return
        [
            .. ActionEvents.Appended(stop, At),
            .. ActionEvents.Between(vm.Id, stop.Id, accepted, started, At),
            .. ActionEvents.Between(vm.Id, stop.Id, started, succeeded, At),
            .. ActionEvents.Between(vm.Id, stop.Id, started, failed, At),
            .. ActionEvents.Between(vm.Id, stop.Id, started, preempted, At),
            .. VmChangeEvents.Created(vm, At),
            .. VmChangeEvents.Between(active.Status, stopped, At),
            .. VmChangeEvents.Between(stopped.Status, deleted, At),
            AlertEvents.Opened(alert, At),
            AlertEvents.Acknowledged(alert with { Status = AlertStatus.Acknowledged, AcknowledgedBy = "bob", AcknowledgeNote = "on it" }, At),
            AlertEvents.Resolved(alert with { Status = AlertStatus.Resolved }, At),
            AlertEvents.Opened(stranger, At),
            .. FleetEvents.Between(Fleet() with { Status = FleetStatus.Running, TierCount = 3, VmCount = 60, CurrentTier = 1 }, At),
            .. FleetEvents.Between(Fleet() with { Status = FleetStatus.Running, TierCount = 3, CurrentTier = 2, Stored = new FleetProgress(FleetStatus.Running, 1) }, At),
            .. FleetEvents.Between(
                Fleet() with
                {
                    Status = FleetStatus.PartiallySucceeded, VmCount = 60, CurrentTier = 3, Stored = new FleetProgress(FleetStatus.Running, 3),
                    FinalCounts = new Dictionary<string, int> { ["succeeded"] = 59, ["failed"] = 1 },
                },
                At),
            .. FleetEvents.Between(
                Fleet() with { Status = FleetStatus.Cancelled, CancelledBy = "bob", Error = null, Stored = new FleetProgress(FleetStatus.Running, 1), FinalCounts = new Dictionary<string, int>() },
                At),
        ];
    }

    private static FleetOperation Fleet() => new()
    {
        Id = "fop-08de000000000000a1b2c3d4",
        Action = VmAction.Start,
        CreatedBy = "alice",
        Project = "team-a",
        Stored = new FleetProgress(FleetStatus.Pending, 0),
    };
}
