using VmControl.Application.PowerSync;

namespace VmControl.Application.Tests.PowerSync;

/// <summary>Nova's reclaim_instance_interval: soft-deleted VMs past the retention are hard-deleted through the same lock.</summary>
public sealed class ReclaimTests : IAsyncLifetime
{
    private readonly TaskSystem system = new();

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task SoftDeletedPastTheRetention_IsHardDeletedByPowerSync()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.RunAsync(vm.Id, VmAction.SoftDelete);
        await Task.Delay(TimeSpan.FromMilliseconds(50));
        var sync = system.PowerSync(s => s.SoftDeleteRetention = TimeSpan.FromMilliseconds(1));

        var pass = await sync.RunPassAsync();

        Assert.Equal(1, pass.Reclaimed);
        var deleted = await system.WaitIdleAsync(vm.Id);
        Assert.Equal(VmState.HardDeleted, deleted.VmState);
        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        var reclaim = Assert.Single(history.Items, a => a.Action == VmAction.Delete.ToWire());
        Assert.Equal((PowerSyncSettings.RequestedBy, ActionStatus.Succeeded), (reclaim.RequestedBy, (await system.WaitFinishedAsync(vm.Id, reclaim.Id)).Status));

        // A tombstone is skipped from then on.
        Assert.Equal(0, (await sync.RunPassAsync()).Reclaimed);
    }

    [Fact]
    public async Task SoftDeletedWithinTheRetention_IsKept()
    {
        var vm = await system.CreateActiveVmAsync();
        await system.RunAsync(vm.Id, VmAction.SoftDelete);
        var sync = system.PowerSync();

        var pass = await sync.RunPassAsync();

        Assert.Equal(0, pass.Reclaimed);
        Assert.Equal(VmState.SoftDeleted, (await system.Vms.GetAsync(vm.Id))!.VmState);
        Assert.Empty(await system.AlertsOfAsync(vm.Id));
    }
}
