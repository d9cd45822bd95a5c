namespace VmControl.Application.Tests.PowerSync;

/// <summary>A pass reads the hypervisor in bulk and writes only the VMs whose power changed.</summary>
public sealed class ChangedOnlyTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task Pass_WritesExactlyTheDriftedVms(int drifted)
    {
        var fleet = new List<VmRecord>();
        for (var i = 0; i < 4; i++)
        {
            fleet.Add(await system.CreateActiveVmAsync($"vm{i}"));
        }

        var sync = system.PowerSync();
        var hypervisor = system.Hypervisor();
        await sync.RunPassAsync();
        foreach (var vm in fleet.Take(drifted))
        {
            await system.SetPowerAsync(vm, PowerState.Shutdown);
        }

        hypervisor.ResetReadCounts();
        var pass = await sync.RunPassAsync();

        Assert.Equal((4, 4), (pass.VmsSeen, pass.MachinesSeen));
        Assert.Equal((drifted, drifted), (pass.Changed, pass.Writes));
        Assert.Equal(1, pass.DriverReads);
        Assert.Equal((1, 0), (hypervisor.BulkReadCount, hypervisor.SingleReadCount));
    }
}
