using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>The cost guard: a stopped VM whose machine stays allocated (billed) raises billing_leak past the grace, and it resolves once released.</summary>
public sealed class BillingLeakTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task StoppedButAllocated_PastTheGrace_RaisesBillingLeak_AndReleasedResolvesIt()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.RunAsync(vm.Id, VmAction.Stop);
        system.Simulator.StoppedStaysAllocated = true;
        void Grace(PowerSyncSettings s) => s.BillingLeakGrace = TimeSpan.FromMinutes(30);

        var early = await system.PowerSync(Grace).RunPassAsync();
        var late = await system.PowerSync(Grace, time: new OffsetTimeProvider(TimeSpan.FromMinutes(31))).RunPassAsync();
        var leak = Assert.Single(await system.AlertsOfAsync(vm.Id, AlertKind.BillingLeak));
        system.Simulator.StoppedStaysAllocated = false;
        var released = await system.PowerSync(Grace, time: new OffsetTimeProvider(TimeSpan.FromMinutes(32))).RunPassAsync();

        Assert.Equal((0, 1, 1), (early.AlertsOpened, late.AlertsOpened, released.AlertsResolved));
        Assert.Equal((VmState.Stopped, PowerState.Shutdown), (leak.VmState, leak.ObservedPowerState));
        Assert.Contains("allocated", leak.Message, StringComparison.Ordinal);
    }
}
