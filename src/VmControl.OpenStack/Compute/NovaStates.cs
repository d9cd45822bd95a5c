using System.Collections.Frozen;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// VmControl's statuses in Nova's spelling (<c>nova/compute/vm_states.py</c>, <c>task_states.py</c>) and the API
/// <c>status</c> derived from them by Nova's <c>_STATE_MAP</c> (<c>nova/api/openstack/common.py</c>).
/// </summary>
public static class NovaStates
{
    private static readonly FrozenDictionary<string, FrozenDictionary<string, string>> StateMap =
        new Dictionary<string, FrozenDictionary<string, string>>
        {
            ["active"] = Map("ACTIVE", ("rebooting", "REBOOT"), ("reboot_pending", "REBOOT"), ("reboot_started", "REBOOT"),
                ("rebooting_hard", "HARD_REBOOT"), ("reboot_pending_hard", "HARD_REBOOT"), ("reboot_started_hard", "HARD_REBOOT"),
                ("updating_password", "PASSWORD"), ("rebuilding", "REBUILD"), ("rebuild_block_device_mapping", "REBUILD"),
                ("rebuild_spawning", "REBUILD"), ("migrating", "MIGRATING"), ("resize_prep", "RESIZE"), ("resize_migrating", "RESIZE"),
                ("resize_migrated", "RESIZE"), ("resize_finish", "RESIZE")),
            ["building"] = Map("BUILD"),
            ["stopped"] = Map("SHUTOFF", ("resize_prep", "RESIZE"), ("resize_migrating", "RESIZE"), ("resize_migrated", "RESIZE"),
                ("resize_finish", "RESIZE"), ("rebuilding", "REBUILD"), ("rebuild_block_device_mapping", "REBUILD"), ("rebuild_spawning", "REBUILD")),
            ["resized"] = Map("VERIFY_RESIZE", ("resize_reverting", "REVERT_RESIZE")),
            ["paused"] = Map("PAUSED", ("migrating", "MIGRATING")),
            ["suspended"] = Map("SUSPENDED"),
            ["rescued"] = Map("RESCUE"),
            ["error"] = Map("ERROR", ("rebuilding", "REBUILD"), ("rebuild_block_device_mapping", "REBUILD"), ("rebuild_spawning", "REBUILD")),
            ["deleted"] = Map("DELETED"),
            ["soft-delete"] = Map("SOFT_DELETED"),
            ["shelved"] = Map("SHELVED"),
            ["shelved_offloaded"] = Map("SHELVED_OFFLOADED"),
        }.ToFrozenDictionary();

    /// <summary>Every status the map can give, for the <c>status</c> filter.</summary>
    public static IReadOnlySet<string> Statuses { get; } =
        StateMap.Values.SelectMany(m => m.Values).Append("UNKNOWN").ToFrozenSet(StringComparer.Ordinal);

    public static string VmState(VmState state) => state switch
    {
        Domain.VmState.Initialized => "building",
        Domain.VmState.SoftDeleted => "soft-delete",
        Domain.VmState.HardDeleted => "deleted",
        _ => state.ToWire(),
    };

    /// <summary>Nova hyphenates only the power and soft-delete tasks; the rest are ours unchanged.</summary>
    public static string? TaskState(TaskState? task) => task switch
    {
        null => null,
        Domain.TaskState.PoweringOn => "powering-on",
        Domain.TaskState.PoweringOff => "powering-off",
        Domain.TaskState.SoftDeleting => "soft-deleting",
        _ => task.Value.ToWire(),
    };

    public static string Status(VmState state, TaskState? task) => Status(VmState(state), TaskState(task));

    /// <summary><c>_STATE_MAP[vm_state].get(task_state, default)</c>; an unmapped vm_state is UNKNOWN.</summary>
    public static string Status(string vmState, string? taskState)
    {
        if (!StateMap.TryGetValue(vmState, out var map))
        {
            return "UNKNOWN";
        }

        return taskState is not null && map.TryGetValue(taskState, out var status) ? status : map["default"];
    }

    private static FrozenDictionary<string, string> Map(string fallback, params (string Task, string Status)[] overrides) =>
        overrides.Append(("default", fallback)).ToFrozenDictionary(o => o.Item1, o => o.Item2, StringComparer.Ordinal);
}
