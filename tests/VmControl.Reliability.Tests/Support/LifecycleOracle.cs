namespace VmControl.Reliability.Tests.Support;

/// <summary>
/// docs/lifecycle.md's table, written out again here on purpose (not read from VmControl.Domain): the suite checks
/// the service against the document, so a mistake in the service's own table cannot hide itself.
/// </summary>
public static class LifecycleOracle
{
    private static readonly string[] Any = ["initialized", "active", "rescued", "paused", "suspended", "stopped", "soft_deleted", "resized", "error"];

    /// <summary>The 21 actions of the table, by wire name.</summary>
    public static IReadOnlyList<OracleRow> Rows { get; } =
    [
        new("create", ["initialized"], "active", "error"),
        new("start", ["stopped"], "active", "unchanged"),
        new("stop", ["active"], "stopped", "unchanged"),
        new("reboot", ["active"], "active", "error_if_not_running"),
        new("reboot_hard", ["active", "stopped", "paused", "suspended"], "active", "error_if_not_running"),
        new("pause", ["active"], "paused", "unchanged"),
        new("unpause", ["paused"], "active", "unchanged"),
        new("suspend", ["active"], "suspended", "unchanged"),
        new("resume", ["suspended"], "active", "unchanged"),
        new("rescue", ["active", "stopped"], "rescued", "error"),
        new("unrescue", ["rescued"], "active", "error"),
        new("resize", ["active", "stopped"], "resized", "error_if_started"),
        new("confirm_resize", ["resized"], "active_or_stopped", "error"),
        new("revert_resize", ["resized"], "before_resize", "error"),
        new("rebuild", ["active", "stopped"], "active_or_stopped", "error"),
        new("snapshot", ["active", "stopped", "paused", "suspended"], "unchanged", "unchanged"),
        new("backup", ["active", "stopped", "paused", "suspended"], "unchanged", "unchanged"),
        new("migrate", ["active", "paused"], "unchanged", "error_if_started"),
        new("soft_delete", ["active", "stopped", "paused", "suspended", "rescued", "resized"], "soft_deleted", "unchanged"),
        new("restore", ["soft_deleted"], "active", "unchanged"),
        new("delete", Any, "hard_deleted", "error"),
    ];

    public static OracleRow Row(string action) => Rows.First(r => r.Action == action);

    /// <summary>The vm_states a successful <paramref name="action"/> from <paramref name="before"/> may leave.</summary>
    public static IReadOnlyCollection<string> SuccessStates(string action, string before) => Row(action).Success switch
    {
        "unchanged" => [before],
        // confirm_resize and rebuild: active, or stopped if the VM was stopped (before the resize, for confirm).
        "active_or_stopped" => ["active", "stopped"],
        // revert_resize: the vm_state before the resize (active or stopped, the states resize is allowed from).
        "before_resize" => ["active", "stopped"],
        var target => [target],
    };

    /// <summary>The vm_states a failed <paramref name="action"/> from <paramref name="before"/> may leave (lifecycle.md's failure column).</summary>
    public static IReadOnlyCollection<string> FailureStates(string action, string before) => Row(action).Failure switch
    {
        "unchanged" => [before],
        "error" => ["error"],
        // Depends on what the hypervisor shows afterwards (reboot) or whether anything moved (resize, migrate).
        _ => [before, "error"],
    };

    /// <summary>A request body for the action with valid parameters (delete goes through DELETE instead).</summary>
    public static string Body(string action, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var n = random.Next(1_000_000);
        return action switch
        {
            "reboot" => """{"action":"reboot","type":"soft"}""",
            "reboot_hard" => """{"action":"reboot","type":"hard"}""",
            "resize" => $$"""{"action":"resize","size":"size-{{n}}"}""",
            "rebuild" when random.Next(2) == 0 => $$"""{"action":"rebuild","image":"image-{{n}}"}""",
            "snapshot" or "backup" => $$"""{"action":"{{action}}","name":"copy-{{n}}"}""",
            _ => $$"""{"action":"{{action}}"}""",
        };
    }
}
