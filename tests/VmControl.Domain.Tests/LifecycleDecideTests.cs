namespace VmControl.Domain.Tests;

/// <summary>Every vm_state × (no task or each task_state) × action, against docs/lifecycle.md typed in <see cref="DocTable"/>.</summary>
public sealed class LifecycleDecideTests
{
    public static TheoryData<VmState, TaskState?, VmAction> EveryCombination()
    {
        var data = new TheoryData<VmState, TaskState?, VmAction>();
        TaskState?[] tasks = [null, .. Enum.GetValues<TaskState>().Select(t => (TaskState?)t)];
        foreach (var state in Enum.GetValues<VmState>())
        {
            foreach (var task in tasks)
            {
                foreach (var action in Enum.GetValues<VmAction>())
                {
                    data.Add(state, task, action);
                }
            }
        }

        return data;
    }

    [Fact]
    public void EveryCombination_CoversTenStatesTwentyTwoTaskStatesTwentyOneActions() =>
        Assert.Equal(10 * 22 * 21, EveryCombination().Count);

    [Theory]
    [MemberData(nameof(EveryCombination))]
    public void Decide_AnyStatus_MatchesTheDoc(VmState state, TaskState? task, VmAction action)
    {
        var vm = new VmStatus(state, task);

        var decision = Lifecycle.Decide(vm, action);

        Assert.Equal(DecisionText.Of(Expected(state, task, action)), DecisionText.Of(decision));
    }

    public static TheoryData<VmState, TaskState?> EveryStatus()
    {
        var data = new TheoryData<VmState, TaskState?>();
        foreach (var state in Enum.GetValues<VmState>())
        {
            data.Add(state, null);
            foreach (var task in Enum.GetValues<TaskState>())
            {
                data.Add(state, task);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStatus))]
    public void AllowedActions_AnyStatus_MatchesTheDoc(VmState state, TaskState? task) =>
        Assert.Equal(ExpectedAllowed(state, task), Lifecycle.AllowedActions(new VmStatus(state, task)));

    private static Decision Expected(VmState state, TaskState? task, VmAction action)
    {
        if (state == VmState.HardDeleted)
        {
            return action == VmAction.Delete ? new Decision.AlreadyDeleting(Finished: true) : Refused(RefusalCode.VmDeleted);
        }

        if (task == TaskState.Deleting)
        {
            return action == VmAction.Delete ? new Decision.AlreadyDeleting(Finished: false) : Refused(RefusalCode.TaskInProgress);
        }

        if (task is not null)
        {
            return action == VmAction.Delete ? new Decision.Accepted(TaskState.Deleting, task) : Refused(RefusalCode.TaskInProgress);
        }

        if (state == VmState.Error)
        {
            return action == VmAction.Delete ? new Decision.Accepted(TaskState.Deleting, null) : Refused(RefusalCode.VmInError);
        }

        return DocTable.AllowedFrom[action].Contains(state)
            ? new Decision.Accepted(DocTable.TaskOf(action), null)
            : Refused(RefusalCode.InvalidVmState);

        Decision.Refused Refused(RefusalCode code) => new(code, state, task, ExpectedAllowed(state, task));
    }

    private static IReadOnlyList<VmAction> ExpectedAllowed(VmState state, TaskState? task) =>
        (state, task) switch
        {
            (VmState.HardDeleted, _) => [],
            (_, TaskState.Deleting) => [],
            (_, not null) => [VmAction.Delete],
            _ => DocTable.IdleAllowed(state),
        };
}
