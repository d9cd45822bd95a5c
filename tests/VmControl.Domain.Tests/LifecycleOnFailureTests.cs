namespace VmControl.Domain.Tests;

/// <summary>Column "on failure" of docs/lifecycle.md §1, for every action × how far it got × the power observed after.</summary>
public sealed class LifecycleOnFailureTests
{
    public static TheoryData<VmAction, FailureKind, PowerState> EveryFailure()
    {
        var data = new TheoryData<VmAction, FailureKind, PowerState>();
        foreach (var action in Enum.GetValues<VmAction>())
        {
            foreach (var kind in Enum.GetValues<FailureKind>())
            {
                foreach (var power in Enum.GetValues<PowerState>())
                {
                    data.Add(action, kind, power);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryFailure))]
    public void OnFailure_AnyAction_FollowsTheDocsFailureRule(VmAction action, FailureKind kind, PowerState observed)
    {
        var from = DocTable.AllowedFrom[action][0];
        var vm = new VmStatus(from, DocTable.TaskOf(action), observed);

        var after = Lifecycle.OnFailure(vm, action, kind, observed);

        var toError = DocTable.OnFailure[action] switch
        {
            "error" => true,
            "error-if-not-running" => observed != PowerState.Running,
            "error-if-started" => kind == FailureKind.Started,
            _ => false,
        };
        Assert.Equal(toError ? VmState.Error : from, after.VmState);
        Assert.Null(after.TaskState);
    }

    [Theory]
    [InlineData(VmAction.Reboot, PowerState.Running, VmState.Active)]
    [InlineData(VmAction.Reboot, PowerState.Shutdown, VmState.Error)]
    [InlineData(VmAction.RebootHard, PowerState.Crashed, VmState.Error)]
    [InlineData(VmAction.Stop, PowerState.Crashed, VmState.Active)]
    [InlineData(VmAction.Rescue, PowerState.Running, VmState.Error)]
    public void OnFailure_FromActive_LandsWhereTheDocSays(VmAction action, PowerState observed, VmState expected) =>
        Assert.Equal(expected, Lifecycle.OnFailure(new VmStatus(VmState.Active, DocTable.TaskOf(action)), action, FailureKind.Started, observed).VmState);

    [Theory]
    [InlineData(FailureKind.NothingChanged, VmState.Active)]
    [InlineData(FailureKind.Started, VmState.Error)]
    public void OnFailure_Resize_IsUnchangedIfNothingMovedElseError(FailureKind kind, VmState expected) =>
        Assert.Equal(expected, Lifecycle.OnFailure(new VmStatus(VmState.Active, TaskState.ResizeMigrating), VmAction.Resize, kind, PowerState.Running).VmState);

    [Fact]
    public void OnFailure_ConfirmResizeToError_ForgetsTheStateBeforeTheResize()
    {
        var vm = new VmStatus(VmState.Resized, TaskState.ResizeConfirming, StateBeforeResize: VmState.Stopped);

        var after = Lifecycle.OnFailure(vm, VmAction.ConfirmResize, FailureKind.Started, PowerState.Shutdown);

        Assert.Equal((VmState.Error, (VmState?)null), (after.VmState, after.StateBeforeResize));
    }

    [Fact]
    public void OnFailure_UnchangedFromResized_KeepsTheStateBeforeTheResize()
    {
        var vm = new VmStatus(VmState.Resized, TaskState.SoftDeleting, StateBeforeResize: VmState.Stopped);

        var after = Lifecycle.OnFailure(vm, VmAction.SoftDelete, FailureKind.Started, PowerState.Shutdown);

        Assert.Equal((VmState.Resized, (VmState?)VmState.Stopped), (after.VmState, after.StateBeforeResize));
    }
}
