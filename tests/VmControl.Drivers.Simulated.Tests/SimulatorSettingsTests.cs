namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatorSettingsTests
{
    [Theory]
    [InlineData(-1)]
    [InlineData(600_001)]
    public void LatencyMs_OutOfRange_Throws(int latencyMs)
    {
        var settings = new SimulatorSettings();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => settings.LatencyMs = latencyMs);

        Assert.Equal("LatencyMs", error.ParamName);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void FailureRate_OutOfRange_Throws(double rate)
    {
        var settings = new SimulatorSettings();

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => settings.FailureRate = rate);

        Assert.Equal("FailureRate", error.ParamName);
    }

    [Fact]
    public void Constructor_OutOfRange_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorSettings(latencyMs: -5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatorSettings(failureRate: 2));
    }

    [Fact]
    public void Update_WithOneValueOutOfRange_ChangesNeither()
    {
        var settings = new SimulatorSettings(latencyMs: 10, failureRate: 0.5);

        Assert.Throws<ArgumentOutOfRangeException>(() => settings.Update(latencyMs: 20, failureRate: 3));

        Assert.Equal((10, 0.5), (settings.LatencyMs, settings.FailureRate));
    }

    [Fact]
    public void Update_WithBoundaryValues_TakesThem()
    {
        var settings = new SimulatorSettings();

        settings.Update(latencyMs: 600_000, failureRate: 1);

        Assert.Equal((600_000, 1.0), (settings.LatencyMs, settings.FailureRate));
        Assert.Equal(TimeSpan.FromMinutes(10), settings.Latency);
    }

    [Fact]
    public void AddFault_WithCountBelowOne_Throws()
    {
        var settings = new SimulatorSettings();

        Assert.Throws<ArgumentOutOfRangeException>(() => settings.AddFault("vm", VmAction.Start, 0, FaultKind.Transient));
    }

    [Fact]
    public void AddFault_IsListedUntilCountedDown()
    {
        var settings = new SimulatorSettings();
        settings.AddFault("vm-1", VmAction.Start, 2, FaultKind.Permanent, FaultStage.Complete);

        var first = settings.TakeFault("vm-1", VmAction.Start, FaultStage.Complete);
        var remaining = settings.Faults.Single().Remaining;
        settings.TakeFault("vm-1", VmAction.Start, FaultStage.Complete);

        Assert.Equal(2, first!.Remaining);
        Assert.Equal(1, remaining);
        Assert.Empty(settings.Faults);
    }

    [Fact]
    public void TakeFault_ForOtherVmActionOrStage_DoesNotMatch()
    {
        var settings = new SimulatorSettings();
        settings.AddFault("vm-1", VmAction.Start, 1, FaultKind.Transient);

        Assert.Null(settings.TakeFault("vm-2", VmAction.Start, FaultStage.Begin));
        Assert.Null(settings.TakeFault("vm-1", VmAction.Stop, FaultStage.Begin));
        Assert.Null(settings.TakeFault("vm-1", VmAction.Start, FaultStage.Complete));
        Assert.NotNull(settings.TakeFault("vm-1", VmAction.Start, FaultStage.Begin));
    }

    [Fact]
    public void TakeFault_WithoutVmOrAction_MatchesAnyCall()
    {
        var settings = new SimulatorSettings();
        settings.AddFault(vmId: null, action: null, 1, FaultKind.Transient);

        Assert.NotNull(settings.TakeFault("any-vm", VmAction.Migrate, FaultStage.Begin));
    }

    [Fact]
    public void DrawFailure_WithSameSeed_GivesSameSequence()
    {
        var a = new SimulatorSettings(failureRate: 0.5, seed: 42);
        var b = new SimulatorSettings(failureRate: 0.5, seed: 42);

        var first = Enumerable.Range(0, 50).Select(_ => a.DrawFailure()).ToList();
        var second = Enumerable.Range(0, 50).Select(_ => b.DrawFailure()).ToList();

        Assert.Equal(first, second);
        Assert.Contains(true, first);
        Assert.Contains(false, first);
    }

    [Fact]
    public void Seed_WhenSetAgain_RestartsSequence()
    {
        var settings = new SimulatorSettings(failureRate: 0.5, seed: 7);
        var first = Enumerable.Range(0, 20).Select(_ => settings.DrawFailure()).ToList();

        settings.Seed = 7;
        var again = Enumerable.Range(0, 20).Select(_ => settings.DrawFailure()).ToList();

        Assert.Equal(first, again);
    }
}
