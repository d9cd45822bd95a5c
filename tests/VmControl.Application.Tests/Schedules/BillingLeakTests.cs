namespace VmControl.Application.Tests.Schedules;

/// <summary>
/// The cost guard (power sync): a stopped VM whose machine stays allocated (billed) raises billing_leak past the grace,
/// and it resolves once released. On the schedule tests' system and clock, moved past the grace.
/// </summary>
[Collection(ScheduleSystemCollection.Name)]
public sealed class BillingLeakTests(ScheduleTickFixture fixture)
{
    [Fact]
    public async Task StoppedButAllocated_PastTheGrace_RaisesBillingLeak_AndReleasedResolvesIt()
    {
        var system = fixture.System;
        var vm = await system.CreateActiveVmAsync("leak-" + Guid.NewGuid().ToString("N")[..6]);
        await system.RunAsync(vm.Id, VmAction.Stop);
        system.Simulator.StoppedStaysAllocated = true;
        try
        {
            var sync = system.PowerSync(s => s.BillingLeakGrace = TimeSpan.FromMinutes(30), time: fixture.Clock);

            await sync.RunPassAsync();
            var early = await system.AlertsOfAsync(vm.Id, AlertKind.BillingLeak);
            fixture.Clock.MoveTo(fixture.Clock.GetUtcNow().AddMinutes(31));
            await sync.RunPassAsync();
            var leak = Assert.Single(await system.AlertsOfAsync(vm.Id, AlertKind.BillingLeak));
            system.Simulator.StoppedStaysAllocated = false;
            await sync.RunPassAsync();
            var released = Assert.Single(await system.AlertsOfAsync(vm.Id, AlertKind.BillingLeak));

            Assert.Empty(early);
            Assert.Equal((AlertStatus.Open, VmState.Stopped, PowerState.Shutdown), (leak.Status, leak.VmState, leak.ObservedPowerState));
            Assert.Contains("allocated", leak.Message, StringComparison.Ordinal);
            Assert.Equal(AlertStatus.Resolved, released.Status);
        }
        finally
        {
            system.Simulator.StoppedStaysAllocated = false;
        }
    }
}
