namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorFailureRateTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    [Fact]
    public async Task Begin_WithSameSeed_FailsInSameSequence()
    {
        var first = await OutcomesAsync(new SimulatorHarness(fixture.Table, failureRate: 0.5, seed: 1234), 30);
        var second = await OutcomesAsync(new SimulatorHarness(fixture.Table, failureRate: 0.5, seed: 1234), 30);

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public async Task Begin_WithFailureRateZero_NeverFails()
    {
        var outcomes = await OutcomesAsync(new SimulatorHarness(fixture.Table, failureRate: 0, seed: 1), 30);

        Assert.All(outcomes, failed => Assert.False(failed));
    }

    [Fact]
    public async Task Begin_WithFailureRateOne_AlwaysFailsTransientlyBeforeAnythingChanged()
    {
        var sim = new SimulatorHarness(fixture.Table, failureRate: 1, seed: 1);
        var vmId = SimulatorHarness.NewVmId();

        for (var i = 0; i < 10; i++)
        {
            var error = await Assert.ThrowsAsync<HypervisorException>(() => sim.Hypervisor.BeginAsync(SimulatorHarness.Command(vmId, VmAction.Create)));
            Assert.True(error.Transient);
            Assert.Equal(FailureKind.NothingChanged, error.Error.Kind);
        }

        Assert.Null(await sim.Hypervisor.GetMachineAsync(vmId));
    }

    [Fact]
    public async Task Begin_AfterFailureRateChangedAtRunTime_UsesNewRate()
    {
        var sim = new SimulatorHarness(fixture.Table, failureRate: 1, seed: 1);

        sim.Settings.FailureRate = 0;
        var progress = await sim.RunAsync(SimulatorHarness.Command(SimulatorHarness.NewVmId(), VmAction.Create));

        Assert.Equal(OperationState.Succeeded, progress.State);
    }

    // Each Begin is a create of a new VM, so a success and a failure look alike to the next call.
    private static async Task<List<bool>> OutcomesAsync(SimulatorHarness sim, int calls)
    {
        var outcomes = new List<bool>();
        for (var i = 0; i < calls; i++)
        {
            try
            {
                await sim.Hypervisor.BeginAsync(SimulatorHarness.Command(SimulatorHarness.NewVmId(), VmAction.Create));
                outcomes.Add(false);
            }
            catch (HypervisorException e) when (e.Transient)
            {
                outcomes.Add(true);
            }
        }

        return outcomes;
    }
}
