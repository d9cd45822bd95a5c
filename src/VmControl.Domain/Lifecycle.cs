namespace VmControl.Domain;

/// <summary>The decisions of docs/lifecycle.md, all derived from <see cref="LifecycleTable"/>. Side-effect free.</summary>
public static class Lifecycle
{
    /// <summary>The only vm_states the admin reset-state may set (Nova's os-resetState).</summary>
    public static IReadOnlyList<VmState> ResetTargets { get; } = [VmState.Active, VmState.Error];

    public static Decision Decide(VmStatus vm, VmAction action)
    {
        ArgumentNullException.ThrowIfNull(vm);
        return Evaluate(vm, action, Refuse);
    }

    /// <summary>The actions <see cref="Decide"/> would accept now, in table order.</summary>
    public static IReadOnlyList<VmAction> AllowedActions(VmStatus vm)
    {
        ArgumentNullException.ThrowIfNull(vm);

        // A refusal lists the allowed actions; asking Decide here would recurse without end, so refusals stay bare.
        return [.. LifecycleTable.Rules.Select(r => r.Action).Where(a => Evaluate(vm, a, BareRefusal) is Decision.Accepted)];
    }

    private static Decision Evaluate(VmStatus vm, VmAction action, Func<VmStatus, RefusalCode, Decision.Refused> refuse)
    {
        var rule = LifecycleTable.For(action);

        if (vm.VmState == VmState.HardDeleted)
        {
            return action == VmAction.Delete ? new Decision.AlreadyDeleting(Finished: true) : refuse(vm, RefusalCode.VmDeleted);
        }

        if (vm.TaskState == TaskState.Deleting)
        {
            return action == VmAction.Delete ? new Decision.AlreadyDeleting(Finished: false) : refuse(vm, RefusalCode.TaskInProgress);
        }

        // "Only HARD_DELETE can pre-empt other tasks" (the seed).
        if (action == VmAction.Delete)
        {
            return new Decision.Accepted(rule.TaskState, vm.TaskState);
        }

        if (vm.TaskState is not null)
        {
            return refuse(vm, RefusalCode.TaskInProgress);
        }

        if (vm.VmState == VmState.Error)
        {
            return refuse(vm, RefusalCode.VmInError);
        }

        return rule.AllowedFrom.Contains(vm.VmState)
            ? new Decision.Accepted(rule.TaskState, Preempts: null)
            : refuse(vm, RefusalCode.InvalidVmState);
    }

    /// <summary>The statuses after <paramref name="action"/> succeeded: vm_state from the table, task_state cleared.</summary>
    public static VmStatus OnSuccess(VmStatus vm, VmAction action)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var rule = LifecycleTable.For(action);

        // While resized, "was it stopped" refers to the state before the resize (confirm_resize).
        var basis = vm.VmState == VmState.Resized ? vm.StateBeforeResize ?? VmState.Active : vm.VmState;
        var next = rule.Success switch
        {
            SuccessRule.Unchanged => vm.VmState,
            SuccessRule.ToTargetOrStoppedIfStopped => basis == VmState.Stopped ? VmState.Stopped : rule.SuccessTarget!.Value,
            SuccessRule.ToStateBeforeResize => basis,
            _ => rule.SuccessTarget!.Value,
        };

        VmState? beforeResize = next == VmState.Resized
            ? (vm.VmState == VmState.Resized ? vm.StateBeforeResize : vm.VmState)
            : null;
        return vm with { VmState = next, TaskState = null, StateBeforeResize = beforeResize };
    }

    /// <summary>The statuses after <paramref name="action"/> failed: the table's failure rule, task_state cleared.</summary>
    public static VmStatus OnFailure(VmStatus vm, VmAction action, FailureKind kind, PowerState observedPower)
    {
        ArgumentNullException.ThrowIfNull(vm);
        var toError = LifecycleTable.For(action).Failure switch
        {
            FailureRule.Error => true,
            FailureRule.ErrorIfNotRunning => observedPower != PowerState.Running,
            FailureRule.ErrorIfStarted => kind == FailureKind.Started,
            _ => false,
        };
        return toError
            ? vm with { VmState = VmState.Error, TaskState = null, StateBeforeResize = null }
            : vm with { TaskState = null };
    }

    /// <summary>Whether the admin reset-state applies: every VM but a hard-deleted one.</summary>
    public static bool CanResetState(VmStatus vm) => vm?.VmState != VmState.HardDeleted;

    /// <summary>The admin reset-state: vm_state to active or error, task_state cleared; the hypervisor is not touched.</summary>
    public static VmStatus ResetState(VmStatus vm, VmState target)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (!ResetTargets.Contains(target))
        {
            throw new ArgumentOutOfRangeException(nameof(target), target, "reset-state sets only active or error.");
        }

        if (!CanResetState(vm))
        {
            throw new InvalidOperationException("A hard-deleted VM cannot be reset.");
        }

        return vm with { VmState = target, TaskState = null, StateBeforeResize = null };
    }

    private static Decision.Refused Refuse(VmStatus vm, RefusalCode code) =>
        new(code, vm.VmState, vm.TaskState, AllowedActions(vm));

    private static Decision.Refused BareRefusal(VmStatus vm, RefusalCode code) =>
        new(code, vm.VmState, vm.TaskState, []);
}
