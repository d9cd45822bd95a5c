using VmControl.Application.Model;

namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorPagingTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    [Fact]
    public async Task ListPowerStates_Over2500Machines_ReturnsEachOnceInPagesOfAtMost1000()
    {
        var specs = Enumerable.Range(0, 2_500)
            .Select(i => new SimulatedMachineSpec($"m{i}", i % 2 == 0 ? PowerState.Running : PowerState.Shutdown, VmId: $"vm-{i:D5}"))
            .ToList();
        await sim.Hypervisor.AddMachinesAsync(specs);
        sim.Hypervisor.ResetReadCounts();

        var pages = new List<Page<PowerReading>>();
        string? token = null;
        do
        {
            var page = await sim.Hypervisor.ListPowerStatesAsync(token);
            pages.Add(page);
            token = page.ContinuationToken;
        }
        while (token is not null);

        var all = pages.SelectMany(p => p.Items).ToList();
        Assert.All(pages, p => Assert.InRange(p.Items.Count, 0, 1_000));
        Assert.Equal(2_500, all.Count);
        Assert.Equal(2_500, all.Select(r => r.ExternalId).Distinct().Count());
        Assert.All(all, r => Assert.Equal(r.ExternalId, r.VmId));
        Assert.Equal(pages.Count, sim.Hypervisor.BulkReadCount);
    }

    [Fact]
    public async Task ListPowerStates_WithForeignToken_ThrowsInvalidContinuationToken()
    {
        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => sim.Hypervisor.ListPowerStatesAsync("not-a-token"));
    }
}
