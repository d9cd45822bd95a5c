namespace VmControl.Domain.Tests;

public sealed class LifecycleResetStateTests
{
    [Theory]
    [InlineData(VmState.Error, VmState.Active)]
    [InlineData(VmState.Active, VmState.Error)]
    [InlineData(VmState.Resized, VmState.Active)]
    public void ResetState_ToActiveOrError_SetsItAndClearsTheTask(VmState from, VmState target)
    {
        var vm = new VmStatus(from, TaskState.Rebuilding, PowerState.Crashed, StateBeforeResize: VmState.Stopped);

        var after = Lifecycle.ResetState(vm, target);

        Assert.Equal(new VmStatus(target, null, PowerState.Crashed, null), after);
    }

    [Fact]
    public void ResetState_ToStopped_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Lifecycle.ResetState(new VmStatus(VmState.Error), VmState.Stopped));

    [Fact]
    public void ResetState_HardDeleted_Throws() =>
        Assert.Throws<InvalidOperationException>(() => Lifecycle.ResetState(new VmStatus(VmState.HardDeleted), VmState.Active));
}
