using static VmControl.Domain.PowerState;
using static VmControl.Domain.VmState;

namespace VmControl.Domain.Tests;

/// <summary>docs/lifecycle.md §3: the power states consistent with each vm_state, typed from the doc.</summary>
public sealed class PowerConsistencyTests
{
    private static readonly Dictionary<VmState, PowerState[]> Doc = new()
    {
        [Initialized] = [NoState],
        [Active] = [Running],
        [Rescued] = [Running],
        [VmState.Paused] = [PowerState.Paused],
        [VmState.Suspended] = [PowerState.Suspended, Shutdown],
        [Stopped] = [Shutdown],
        [SoftDeleted] = [Shutdown, NoState],
        [HardDeleted] = [NoState],
        [Resized] = [Running],
        [Error] = Enum.GetValues<PowerState>(),
    };

    public static TheoryData<VmState, PowerState> EveryStateAndPower()
    {
        var data = new TheoryData<VmState, PowerState>();
        foreach (var state in Enum.GetValues<VmState>())
        {
            foreach (var power in Enum.GetValues<PowerState>())
            {
                data.Add(state, power);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStateAndPower))]
    public void IsConsistent_IdleVm_MatchesTheDocTable(VmState state, PowerState observed) =>
        Assert.Equal(Doc[state].Contains(observed), PowerConsistency.IsConsistent(new VmStatus(state), observed));

    [Theory]
    [MemberData(nameof(EveryStateAndPower))]
    public void IsConsistent_TaskInFlight_IsAlwaysTrue(VmState state, PowerState observed) =>
        Assert.All(Enum.GetValues<TaskState>(), task => Assert.True(PowerConsistency.IsConsistent(new VmStatus(state, task), observed)));

    [Theory]
    [InlineData(Shutdown, true)]
    [InlineData(Running, false)]
    public void IsConsistent_ResizedFromStopped_ExpectsShutdown(PowerState observed, bool expected) =>
        Assert.Equal(expected, PowerConsistency.IsConsistent(new VmStatus(Resized, StateBeforeResize: Stopped), observed));

    [Theory]
    [InlineData(Running, true)]
    [InlineData(Shutdown, false)]
    public void IsConsistent_ResizedFromActive_ExpectsRunning(PowerState observed, bool expected) =>
        Assert.Equal(expected, PowerConsistency.IsConsistent(new VmStatus(Resized, StateBeforeResize: Active), observed));

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, true)]
    public void IsConsistent_StoppedReadAsNoState_DependsOnTheDriver(bool deallocatedReadsAsNoState, bool expected) =>
        Assert.Equal(expected, PowerConsistency.IsConsistent(new VmStatus(Stopped), NoState, deallocatedReadsAsNoState));

    [Fact]
    public void ExpectedPowerStates_Error_IsEveryPowerState() =>
        Assert.Equal(Enum.GetValues<PowerState>(), PowerConsistency.ExpectedPowerStates(new VmStatus(Error)));
}
