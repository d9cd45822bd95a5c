using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>docs/lifecycle.md §3: a mismatch alerts on the second consecutive pass, once, and resolves by itself.</summary>
public sealed class PowerMismatchTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task OutOfBandShutdown_AlertsOnTheSecondPassAndResolvesAfterStopAndStart()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        var first = await sync.RunPassAsync();
        Assert.Equal(0, first.AlertsOpened);
        Assert.Empty(await system.AlertsOfAsync(vm.Id));
        var seen = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(PowerState.Shutdown, seen!.PowerState);
        Assert.Equal(1, seen.DriftPasses);

        var second = await sync.RunPassAsync();
        Assert.Equal(1, second.AlertsOpened);
        var alert = Assert.Single(await system.AlertsOfAsync(vm.Id));
        Assert.Equal(AlertKind.PowerMismatch, alert.Kind);
        Assert.Equal(AlertStatus.Open, alert.Status);
        Assert.Equal(VmState.Active, alert.VmState);
        Assert.Equal([PowerState.Running], alert.ExpectedPowerStates);
        Assert.Equal(PowerState.Shutdown, alert.ObservedPowerState);

        // Active but shut down: start is not allowed from active, so the operator stops, then starts.
        await system.RunAsync(vm.Id, VmAction.Stop);
        await system.RunAsync(vm.Id, VmAction.Start);
        var third = await sync.RunPassAsync();

        Assert.Equal(1, third.AlertsResolved);
        var resolved = Assert.Single(await system.AlertsOfAsync(vm.Id));
        Assert.Equal(AlertStatus.Resolved, resolved.Status);
        Assert.NotNull(resolved.ResolvedAt);
        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((VmState.Active, PowerState.Running, 0), (after!.VmState, after.PowerState, after.DriftPasses));
    }

    [Fact]
    public async Task GuestRebootBetweenPasses_RaisesNothing()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();

        await system.SetPowerAsync(vm, PowerState.Shutdown);
        await sync.RunPassAsync();
        await system.SetPowerAsync(vm, PowerState.Running);
        var second = await sync.RunPassAsync();
        await sync.RunPassAsync();

        Assert.Equal(0, second.AlertsOpened);
        Assert.Empty(await system.AlertsOfAsync(vm.Id));
        Assert.Equal(0, (await system.Vms.GetAsync(vm.Id))!.DriftPasses);
    }

    [Fact]
    public async Task ManyPassesOverOneMismatch_OpenOneAlertAndBumpItsCount()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        await system.SetPowerAsync(vm, PowerState.Crashed);

        var summaries = new List<PowerSyncSummary>();
        for (var pass = 0; pass < 5; pass++)
        {
            summaries.Add(await sync.RunPassAsync());
        }

        var alert = Assert.Single(await system.AlertsOfAsync(vm.Id));
        Assert.Equal(4, alert.Count);
        Assert.Equal(1, summaries.Sum(s => s.AlertsOpened));
        Assert.Equal(3, summaries.Sum(s => s.AlertsBumped));

        // The drift count stops at the threshold: after the second pass, a steady mismatch writes nothing.
        Assert.All(summaries.Skip(2), s => Assert.Equal(0, s.Writes));
    }

    [Fact]
    public async Task ConcurrentPasses_OpenOneAlert()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync(s => s.MismatchPasses = 1);
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        var passes = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => sync.RunPassAsync()));

        Assert.All(passes, p => Assert.False(p.Failed));
        Assert.Equal(1, passes.Sum(p => p.AlertsOpened));
        Assert.Equal(3, Assert.Single(await system.AlertsOfAsync(vm.Id)).Count - 1);
    }

    [Fact]
    public async Task VmMidTask_GetsItsPowerAndNoAlert()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync(s => s.MismatchPasses = 1);

        // Held, the stop is certainly still in flight during both passes.
        var hold = system.Simulator.AddHold(vm.Id, VmAction.Stop);
        var accepted = Assert.IsType<CommandResult.Accepted>(
            await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        // The machine shuts down out of band while the stop is in flight: power changes, no alert.
        await system.SetPowerAsync(vm, PowerState.Shutdown);
        var during = await sync.RunPassAsync();
        await sync.RunPassAsync();

        Assert.Equal(0, during.AlertsOpened);
        Assert.Empty(await system.AlertsOfAsync(vm.Id));
        var mid = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(TaskState.PoweringOff, mid!.TaskState);
        Assert.Equal(PowerState.Shutdown, mid.PowerState);
        system.Simulator.ReleaseHold(hold.Id);
        await system.WaitFinishedAsync(vm.Id, accepted.Action.Id);
    }
}
