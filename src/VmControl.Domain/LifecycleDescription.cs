namespace VmControl.Domain;

/// <summary>
/// The lifecycle table and a driver's capabilities as plain data, ready to serialize for <c>GET /api/lifecycle</c>
/// (the hosts choose the JSON naming; camelCase gives <c>taskState</c>, <c>allowedFrom</c>, ...). Every value is a
/// wire name or a short sentence derived from <see cref="LifecycleTable"/>, <see cref="Lifecycle"/> and
/// <see cref="PowerConsistency"/>.
/// </summary>
/// <param name="Actions">One entry per row of the table, in table order.</param>
/// <param name="VmStates">The vm_state wire names.</param>
/// <param name="TaskStates">The task_state wire names.</param>
/// <param name="PowerStates">The power_state wire names with Nova's codes.</param>
/// <param name="PowerConsistency">Per vm_state, the power states that agree with it when no task is in flight.</param>
/// <param name="ResetStateTargets">The vm_states the admin reset-state may set.</param>
public sealed record LifecycleDescription(
    IReadOnlyList<LifecycleDescription.ActionDescription> Actions,
    IReadOnlyList<string> VmStates,
    IReadOnlyList<string> TaskStates,
    IReadOnlyList<LifecycleDescription.PowerStateDescription> PowerStates,
    IReadOnlyList<LifecycleDescription.PowerConsistencyDescription> PowerConsistency,
    IReadOnlyList<string> ResetStateTargets)
{
    /// <summary>Describes the table for a driver that cannot do the actions in <paramref name="unsupported"/> (action → reason).</summary>
    public static LifecycleDescription Build(IReadOnlyDictionary<VmAction, string> unsupported)
    {
        ArgumentNullException.ThrowIfNull(unsupported);
        return new(
            [.. LifecycleTable.Rules.Select(r => Describe(r, unsupported.TryGetValue(r.Action, out var reason) ? reason : null))],
            WireNames.All<VmState>(),
            WireNames.All<TaskState>(),
            [.. Enum.GetValues<PowerState>().Select(p => new PowerStateDescription(p.ToWire(), (int)p))],
            [.. Enum.GetValues<VmState>().Select(DescribePower)],
            [.. Lifecycle.ResetTargets.Select(s => s.ToWire())]);
    }

    /// <summary>The wording of a success rule, e.g. "active, or stopped if it was stopped".</summary>
    public static string DescribeSuccess(ActionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return rule.Success switch
        {
            SuccessRule.Unchanged => "unchanged",
            SuccessRule.ToStateBeforeResize => "the vm_state before the resize",
            SuccessRule.ToTargetOrStoppedIfStopped when rule.AllowedFrom.Contains(VmState.Resized) =>
                $"{rule.SuccessTarget!.Value.ToWire()}, or stopped if it was stopped before the resize",
            SuccessRule.ToTargetOrStoppedIfStopped => $"{rule.SuccessTarget!.Value.ToWire()}, or stopped if it was stopped",
            _ => rule.SuccessTarget!.Value.ToWire(),
        };
    }

    /// <summary>The wording of a failure rule, e.g. "unchanged if nothing moved, else error".</summary>
    public static string DescribeFailure(FailureRule rule) => rule switch
    {
        FailureRule.Error => "error",
        FailureRule.ErrorIfNotRunning => "error if not running afterwards, else unchanged",
        FailureRule.ErrorIfStarted => "unchanged if nothing moved, else error",
        _ => "unchanged",
    };

    /// <summary>The allowed vm_states of a rule in declaration order of <see cref="VmState"/>.</summary>
    public static IReadOnlyList<VmState> OrderedAllowedFrom(ActionRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return [.. Enum.GetValues<VmState>().Where(rule.AllowedFrom.Contains)];
    }

    private static ActionDescription Describe(ActionRule rule, string? unsupportedReason) => new(
        rule.Action.ToWire(),
        rule.TaskState.ToWire(),
        [.. OrderedAllowedFrom(rule).Select(s => s.ToWire())],
        PreemptsTasks(rule),
        DescribeSuccess(rule),
        rule.ExpectedPowerAfter,
        DescribeFailure(rule.Failure),
        unsupportedReason is null,
        unsupportedReason);

    // Asks the decision itself rather than restating "only delete pre-empts".
    private static bool PreemptsTasks(ActionRule rule)
    {
        var other = rule.TaskState == TaskState.Spawning ? TaskState.PoweringOn : TaskState.Spawning;
        var from = OrderedAllowedFrom(rule)[0];
        return Lifecycle.Decide(new VmStatus(from, other), rule.Action) is Decision.Accepted;
    }

    private static PowerConsistencyDescription DescribePower(VmState state)
    {
        var consistent = Domain.PowerConsistency.ExpectedPowerStates(new VmStatus(state));
        var note = state switch
        {
            VmState.Stopped => "also nostate where the driver reports a deallocated VM so",
            VmState.Resized => "shutdown instead if it was stopped before the resize",
            VmState.Error => "any (no alert)",
            _ => null,
        };
        return new(state.ToWire(), [.. consistent.Select(p => p.ToWire())], note);
    }

    /// <summary>One action of the table.</summary>
    /// <param name="Action">The action's wire name.</param>
    /// <param name="TaskState">The task_state it claims.</param>
    /// <param name="AllowedFrom">The vm_states it is accepted from.</param>
    /// <param name="PreemptsTasks">True when it is accepted while another task is in flight (delete).</param>
    /// <param name="OnSuccess">The vm_state after success, in words.</param>
    /// <param name="ExpectedPowerAfter">The power state expected after success, in words.</param>
    /// <param name="OnFailure">The vm_state after failure, in words.</param>
    /// <param name="Supported">False when the driver cannot do it.</param>
    /// <param name="UnsupportedReason">Why the driver cannot do it; null when supported.</param>
    public sealed record ActionDescription(
        string Action,
        string TaskState,
        IReadOnlyList<string> AllowedFrom,
        bool PreemptsTasks,
        string OnSuccess,
        string ExpectedPowerAfter,
        string OnFailure,
        bool Supported,
        string? UnsupportedReason);

    /// <summary>A power state and its Nova code.</summary>
    public sealed record PowerStateDescription(string Name, int Code);

    /// <summary>The power states consistent with a vm_state (no task in flight), with a note for the conditional rows.</summary>
    public sealed record PowerConsistencyDescription(string VmState, IReadOnlyList<string> Consistent, string? Note);
}
