namespace VmControl.Application.Tests.PowerSync;

/// <summary>A machine no record knows, and a record whose machine is gone.</summary>
public sealed class MachineAlertTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task UnknownMachine_AlertsUnderItsOwnIdAndResolvesWhenItIsGone()
    {
        var machine = await system.Hypervisor().AddUnknownMachineAsync("stray", PowerState.Running);
        var sync = system.PowerSync();

        var first = await sync.RunPassAsync();

        Assert.Equal((1, 1), (first.MachinesSeen, first.AlertsOpened));
        var alert = Assert.Single(await system.AlertsOfAsync(machine));
        Assert.Equal((AlertKind.UnknownOnHypervisor, PowerState.Running), (alert.Kind, alert.ObservedPowerState!.Value));

        await system.Hypervisor().SetPowerStateAsync(machine, PowerState.NoState);
        var second = await sync.RunPassAsync();

        Assert.Equal(1, second.AlertsResolved);
        Assert.Equal(AlertStatus.Resolved, Assert.Single(await system.AlertsOfAsync(machine)).Status);
    }

    [Fact]
    public async Task MachineGoneUnderAnActiveVm_AlertsMissingNotMismatch()
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync();
        await system.SetPowerAsync(vm, PowerState.NoState);

        var first = await sync.RunPassAsync();
        var second = await sync.RunPassAsync();

        Assert.Equal((0, 1), (first.AlertsOpened, second.AlertsOpened));
        var alert = Assert.Single(await system.AlertsOfAsync(vm.Id));
        Assert.Equal((AlertKind.MissingOnHypervisor, PowerState.NoState), (alert.Kind, alert.ObservedPowerState!.Value));
        var seen = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((PowerState.NoState, "not_found"), (seen!.PowerState, seen.PowerStateDetail));
    }

    [Fact]
    public async Task HardDeletedVm_IsSkipped()
    {
        var vm = await system.CreateActiveVmAsync();
        var accepted = Assert.IsType<CommandResult.Accepted>(await system.Commands.DeleteAsync(vm.Id, null, "test"));
        await system.WaitFinishedAsync(vm.Id, accepted.Action.Id);
        var sync = system.PowerSync(s => s.MismatchPasses = 1);

        var pass = await sync.RunPassAsync();

        Assert.Equal((1, 0, 0, 0), (pass.VmsSeen, pass.MachinesSeen, pass.Writes, pass.AlertsOpened));
        Assert.Empty(await system.AllAlertsAsync());
    }
}
