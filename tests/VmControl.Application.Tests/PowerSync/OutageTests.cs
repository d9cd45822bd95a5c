namespace VmControl.Application.Tests.PowerSync;

/// <summary>A driver outage in the middle of the bulk list changes nothing; the next pass recovers.</summary>
public sealed class OutageTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task DriverFailsOnTheSecondPage_PassFailsAndChangesNothing_NextPassRecovers()
    {
        var vm = await system.CreateActiveVmAsync();
        var driver = new OutageDriver(system.Services.GetRequiredService<IHypervisorDriver>()) { Failing = true };
        var sync = system.PowerSync(s => s.MismatchPasses = 1, driver);
        await system.SetPowerAsync(vm, PowerState.Shutdown);
        var before = await system.Vms.GetAsync(vm.Id);

        var failed = await sync.RunPassAsync();

        Assert.True(failed.Failed);
        Assert.Contains("unreachable", failed.Error, StringComparison.Ordinal);
        Assert.Equal((1, 0, 0, 0), (failed.DriverReads, failed.Writes, failed.Changed, failed.AlertsOpened));
        Assert.Equal(before!.ETag, (await system.Vms.GetAsync(vm.Id))!.ETag);
        Assert.Empty(await system.AllAlertsAsync());

        driver.Failing = false;
        var recovered = await sync.RunPassAsync();

        Assert.False(recovered.Failed);
        Assert.Equal((2, 1, 1), (recovered.DriverReads, recovered.Changed, recovered.AlertsOpened));
        Assert.Equal(PowerState.Shutdown, (await system.Vms.GetAsync(vm.Id))!.PowerState);
    }
}
