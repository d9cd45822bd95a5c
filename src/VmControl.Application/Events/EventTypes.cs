namespace VmControl.Application.Events;

/// <summary>
/// The CloudEvents <c>type</c> of everything VmControl publishes (docs/events.md). The suffix is the version of the
/// data's schema: a change that breaks a consumer gets a new type, never a changed one.
/// </summary>
public static class EventTypes
{
    public const string ActionAccepted = "vmcontrol.action.accepted.v1";
    public const string ActionStarted = "vmcontrol.action.started.v1";
    public const string ActionSucceeded = "vmcontrol.action.succeeded.v1";
    public const string ActionFailed = "vmcontrol.action.failed.v1";
    public const string ActionPreempted = "vmcontrol.action.preempted.v1";
    public const string VmCreated = "vmcontrol.vm.created.v1";
    public const string VmStateChanged = "vmcontrol.vm.state_changed.v1";
    public const string VmPowerChanged = "vmcontrol.vm.power_changed.v1";
    public const string VmDeleted = "vmcontrol.vm.deleted.v1";
    public const string AlertOpened = "vmcontrol.alert.opened.v1";
    public const string AlertResolved = "vmcontrol.alert.resolved.v1";
    public const string AlertAcknowledged = "vmcontrol.alert.acknowledged.v1";
    public const string FleetStarted = "vmcontrol.fleet.started.v1";
    public const string FleetTierStarted = "vmcontrol.fleet.tier_started.v1";
    public const string FleetCompleted = "vmcontrol.fleet.completed.v1";

    /// <summary>Every type, in the order docs/events.md lists them.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ActionAccepted, ActionStarted, ActionSucceeded, ActionFailed, ActionPreempted,
        VmCreated, VmStateChanged, VmPowerChanged, VmDeleted,
        AlertOpened, AlertResolved, AlertAcknowledged,
        FleetStarted, FleetTierStarted, FleetCompleted,
    ];
}
