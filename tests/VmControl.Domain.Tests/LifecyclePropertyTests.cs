using CsCheck;

namespace VmControl.Domain.Tests;

/// <summary>Invariants of docs/lifecycle.md over generated statuses and actions.</summary>
public sealed class LifecyclePropertyTests
{
    [Fact]
    public void Decide_HardDeleted_NeverAcceptsAnything() =>
        Gens.StatusAndAction.Sample((vm, action) =>
            Lifecycle.Decide(vm with { VmState = VmState.HardDeleted }, action) is not Decision.Accepted);

    [Fact]
    public void Decide_IdleInError_AcceptsOnlyDelete() =>
        Gens.StatusAndAction.Sample((vm, action) =>
            Lifecycle.Decide(vm with { VmState = VmState.Error, TaskState = null }, action) is Decision.Accepted == (action == VmAction.Delete));

    [Fact]
    public void Decide_TaskInFlight_RefusesAllButDelete() =>
        Gens.StatusAndAction.Sample((vm, action) =>
            vm.IsIdle || action == VmAction.Delete || Lifecycle.Decide(vm, action) is Decision.Refused { Code: RefusalCode.TaskInProgress or RefusalCode.VmDeleted });

    [Fact]
    public void Decide_DeleteWithoutDeletingTask_IsAcceptedFromEveryStateButHardDeleted() =>
        Gens.Status.Sample(vm =>
            vm.VmState == VmState.HardDeleted || vm.TaskState == TaskState.Deleting
            || Lifecycle.Decide(vm, VmAction.Delete) is Decision.Accepted { TaskState: TaskState.Deleting } accepted && accepted.Preempts == vm.TaskState);

    [Fact]
    public void OnSuccess_AcceptedAction_LandsInAValidStateWithNoTask() =>
        Gens.StatusAndAction.Sample((vm, action) =>
        {
            if (Lifecycle.Decide(vm, action) is not Decision.Accepted accepted)
            {
                return true;
            }

            var after = Lifecycle.OnSuccess(vm with { TaskState = accepted.TaskState }, action);
            return Enum.IsDefined(after.VmState) && after.VmState != VmState.Initialized && after.TaskState is null;
        });

    [Fact]
    public void IsConsistent_Error_NeverAlerts() =>
        Gen.Select(Gens.Status, Gen.Enum<PowerState>(), Gen.Bool).Sample((vm, observed, deallocated) =>
            PowerConsistency.IsConsistent(vm with { VmState = VmState.Error }, observed, deallocated));

    [Fact]
    public void Refusal_AllowedActions_AreExactlyTheActionsDecideAccepts() =>
        Gens.StatusAndAction.Sample((vm, action) =>
            Lifecycle.Decide(vm, action) is not Decision.Refused refused
            || refused.AllowedActions.SequenceEqual(Enum.GetValues<VmAction>().Where(a => Lifecycle.Decide(vm, a) is Decision.Accepted)));
}
