using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>
/// One machine brought in at once because a lifecycle event named it (<see cref="IMachinePowerSync"/>): its VM's power
/// moves, but an event is not a pass, so the drift count and alerts stay the timer's (docs/power-sync.md).
/// </summary>
public sealed class MachineSyncTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task SyncMachine_OutOfBandShutdown_WritesPowerWithoutCountingAPass()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        Assert.True(await sync.SyncMachineAsync(vm.ExternalId!));

        var seen = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((PowerState.Shutdown, 0, (DateTimeOffset?)null), (seen!.PowerState, seen.DriftPasses, seen.DriftSince));

        // MismatchPasses is 2: the alert still needs two timer passes, as if no event had been heard.
        var first = await sync.RunPassAsync();
        Assert.Equal((0, 1), (first.AlertsOpened, (await system.Vms.GetAsync(vm.Id))!.DriftPasses));
        var second = await sync.RunPassAsync();
        Assert.Equal(1, second.AlertsOpened);
    }

    [Fact]
    public async Task SyncMachine_ManyEventsOverOneMismatch_OpenNoAlert()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync(s => s.MismatchPasses = 1);
        await system.SetPowerAsync(vm, PowerState.Crashed);

        var written = new List<bool>();
        for (var i = 0; i < 3; i++)
        {
            written.Add(await sync.SyncMachineAsync(vm.ExternalId!));
        }

        // Written once (the power changed once), counted never, even with a threshold of one pass.
        Assert.Equal([true, false, false], written);
        Assert.Empty(await system.AlertsOfAsync(vm.Id));
        Assert.Equal((PowerState.Crashed, 0), ((await system.Vms.GetAsync(vm.Id))!.PowerState, (await system.Vms.GetAsync(vm.Id))!.DriftPasses));
    }

    [Fact]
    public async Task SyncMachine_BackToConsistent_KeepsTheCountAndTheAlertForThePass()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        await system.SetPowerAsync(vm, PowerState.Shutdown);
        await sync.RunPassAsync();
        await sync.RunPassAsync();
        Assert.Single(await system.AlertsOfAsync(vm.Id, AlertKind.PowerMismatch));

        await system.SetPowerAsync(vm, PowerState.Running);
        Assert.True(await sync.SyncMachineAsync(vm.ExternalId!));

        var between = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((PowerState.Running, 2), (between!.PowerState, between.DriftPasses));
        Assert.Equal(AlertStatus.Open, Assert.Single(await system.AlertsOfAsync(vm.Id)).Status);
        var pass = await sync.RunPassAsync();
        Assert.Equal(1, pass.AlertsResolved);
    }

    [Fact]
    public async Task SyncMachine_VmWithATaskInFlight_IsLeftToTheTask()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        var hold = system.Simulator.AddHold(vm.Id, VmAction.Stop);
        var accepted = Assert.IsType<CommandResult.Accepted>(await system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop)));
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        Assert.False(await sync.SyncMachineAsync(vm.ExternalId!));

        var mid = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((TaskState.PoweringOff, PowerState.Running), (mid!.TaskState, mid.PowerState));
        system.Simulator.ReleaseHold(hold.Id);
        await system.WaitFinishedAsync(vm.Id, accepted.Action.Id);
        Assert.Equal(PowerState.Shutdown, (await system.Vms.GetAsync(vm.Id))!.PowerState);
    }

    [Fact]
    public async Task SyncMachine_MachineOfNoVm_WritesNothing()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        var before = await system.Vms.GetAsync(vm.Id);

        Assert.False(await sync.SyncMachineAsync("m-0000000000000000"));
        Assert.Equal(before!.ETag, (await system.Vms.GetAsync(vm.Id))!.ETag);
    }

    [Fact]
    public async Task SyncMachine_DriverDown_ReturnsFalseAndLeavesTheVm()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync(driver: new OutageDriver(system.Services.GetRequiredService<IHypervisorDriver>()) { Failing = true });
        await system.SetPowerAsync(vm, PowerState.Shutdown);

        Assert.False(await sync.SyncMachineAsync(vm.ExternalId!));
        Assert.Equal(PowerState.Running, (await system.Vms.GetAsync(vm.Id))!.PowerState);
    }
}
