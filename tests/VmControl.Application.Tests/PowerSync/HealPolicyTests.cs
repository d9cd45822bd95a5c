using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>The heal policy: off by default (alert only); on, Nova's table through an ordinary task where the lifecycle allows.</summary>
public sealed class HealPolicyTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Theory]
    [InlineData(HealPolicy.Alert, PowerState.Shutdown, 0, VmState.Active)]
    [InlineData(HealPolicy.Heal, PowerState.Shutdown, 1, VmState.Stopped)]
    [InlineData(HealPolicy.Heal, PowerState.Crashed, 1, VmState.Stopped)]
    public async Task ActiveButDown_HealsWithStopOnlyWhenThePolicyIsOn(HealPolicy policy, PowerState observed, int heals, VmState finalState)
    {
        var vm = await system.CreateActiveVmAsync();
        var sync = system.PowerSync(s => s.HealPolicy = policy);
        await system.SetPowerAsync(vm, observed);

        await sync.RunPassAsync();
        var second = await sync.RunPassAsync();

        Assert.Equal(heals, second.HealsStarted);
        Assert.Equal(1, second.AlertsOpened);
        var idle = await system.WaitIdleAsync(vm.Id);
        Assert.Equal(finalState, idle.VmState);
        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        var heal = history.Items.Where(a => a.RequestedBy == PowerSyncSettings.RequestedBy).ToList();
        Assert.Equal(heals, heal.Count);

        // The task releases the VM a moment before its action record is finished.
        foreach (var action in heal)
        {
            var finished = await system.WaitFinishedAsync(vm.Id, action.Id);
            Assert.Equal((VmAction.Stop.ToWire(), ActionStatus.Succeeded), (finished.Action, finished.Status));
        }

        // Healed: consistent (stopped, shutdown) on the next pass, so the alert resolves; unhealed, it stays open.
        var third = await sync.RunPassAsync();
        Assert.Equal(heals, third.AlertsResolved);
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public async Task ActiveButDown_LockedOrStopProtected_IsSkipped_NotHealed(bool locked, bool stopProtected)
    {
        var vm = await system.CreateActiveVmAsync();
        var change = new SafeguardChange(vm.Id, new Caller("olivia", Role.Operator, Projects.Default), Lock: locked ? true : null, StopProtection: stopProtected ? true : null);
        Assert.IsType<CommandResult.Updated>(await system.Commands.ChangeSafeguardsAsync(change));
        var sync = system.PowerSync(s => s.HealPolicy = HealPolicy.Heal);
        await system.SetPowerAsync((await system.Vms.GetAsync(vm.Id))!, PowerState.Shutdown);

        await sync.RunPassAsync();
        var second = await sync.RunPassAsync();

        // Power sync is an automated actor, not an admin: the lock holds for it, and the alert says what is wrong.
        Assert.Equal((0, 1), (second.HealsStarted, second.AlertsOpened));
        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        Assert.DoesNotContain(history.Items, a => a.RequestedBy == PowerSyncSettings.RequestedBy);
        Assert.Equal(VmState.Active, (await system.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Fact]
    public async Task StoppedButRunning_StaysAnAlertBecauseTheLifecycleHasNoForceStop()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.RunAsync(vm.Id, VmAction.Stop);
        var sync = system.PowerSync(s => s.HealPolicy = HealPolicy.Heal);
        await system.SetPowerAsync(vm, PowerState.Running);

        await sync.RunPassAsync();
        var second = await sync.RunPassAsync();

        Assert.Equal(0, second.HealsStarted);
        var alert = Assert.Single(await system.AlertsOfAsync(vm.Id));
        Assert.Equal((AlertKind.PowerMismatch, VmState.Stopped, PowerState.Running), (alert.Kind, alert.VmState!.Value, alert.ObservedPowerState!.Value));
        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal((VmState.Stopped, (TaskState?)null), (after!.VmState, after.TaskState));
    }
}
