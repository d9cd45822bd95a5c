namespace VmControl.Drivers.Simulated.Tests;

public sealed class SimulatedHypervisorTransitionTests(SimulatorTableFixture fixture) : IClassFixture<SimulatorTableFixture>
{
    private readonly SimulatorHarness sim = new(fixture.Table);

    // lifecycle.md's "expected power after": action, power before it, power after it.
    public static TheoryData<VmAction, PowerState, PowerState> Transitions => new()
    {
        { VmAction.Create, PowerState.NoState, PowerState.Running },
        { VmAction.Start, PowerState.Shutdown, PowerState.Running },
        { VmAction.Stop, PowerState.Running, PowerState.Shutdown },
        { VmAction.Reboot, PowerState.Running, PowerState.Running },
        { VmAction.RebootHard, PowerState.Shutdown, PowerState.Running },
        { VmAction.RebootHard, PowerState.Crashed, PowerState.Running },
        { VmAction.Pause, PowerState.Running, PowerState.Paused },
        { VmAction.Unpause, PowerState.Paused, PowerState.Running },
        { VmAction.Suspend, PowerState.Running, PowerState.Suspended },
        { VmAction.Resume, PowerState.Suspended, PowerState.Running },
        { VmAction.Rescue, PowerState.Shutdown, PowerState.Running },
        { VmAction.Unrescue, PowerState.Running, PowerState.Running },
        { VmAction.Resize, PowerState.Running, PowerState.Running },
        { VmAction.Resize, PowerState.Shutdown, PowerState.Shutdown },
        { VmAction.ConfirmResize, PowerState.Running, PowerState.Running },
        { VmAction.RevertResize, PowerState.Shutdown, PowerState.Shutdown },
        { VmAction.Rebuild, PowerState.Running, PowerState.Running },
        { VmAction.Rebuild, PowerState.Shutdown, PowerState.Shutdown },
        { VmAction.Rebuild, PowerState.Paused, PowerState.Running },
        { VmAction.Snapshot, PowerState.Paused, PowerState.Paused },
        { VmAction.Backup, PowerState.Suspended, PowerState.Suspended },
        { VmAction.Migrate, PowerState.Running, PowerState.Running },
        { VmAction.SoftDelete, PowerState.Running, PowerState.Shutdown },
        { VmAction.Restore, PowerState.Shutdown, PowerState.Running },
        { VmAction.Delete, PowerState.Running, PowerState.NoState },
    };

    [Fact]
    public void Transitions_CoverEveryAction()
    {
        var covered = Transitions.Select(row => (VmAction)row[0]).ToHashSet();

        Assert.Equal(Enum.GetValues<VmAction>().Length, covered.Count);
    }

    [Fact]
    public void Capabilities_SupportAllActions()
    {
        Assert.Equal("simulated", sim.Hypervisor.Name);
        Assert.Equal(Enum.GetValues<VmAction>(), sim.Hypervisor.Capabilities.Supported);
    }

    [Theory]
    [MemberData(nameof(Transitions))]
    public async Task Action_FromPowerBefore_LeavesExpectedPower(VmAction action, PowerState before, PowerState after)
    {
        var vmId = SimulatorHarness.NewVmId();
        if (action != VmAction.Create)
        {
            vmId = await sim.CreateRunningAsync();
            await sim.Hypervisor.SetPowerStateAsync(vmId, before);
        }

        var progress = await sim.RunAsync(SimulatorHarness.Command(vmId, action));

        Assert.Equal(OperationState.Succeeded, progress.State);
        Assert.Equal(after, progress.Power!.PowerState);
        Assert.Equal(after, (await sim.Hypervisor.GetPowerStateAsync(vmId)).PowerState);
    }

    [Fact]
    public async Task Resize_ThenRevert_RestoresPreviousSize()
    {
        var vmId = await sim.CreateRunningAsync();

        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Resize, Parameters("size", "large")));
        var resized = await sim.Hypervisor.GetMachineAsync(vmId);
        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.RevertResize));
        var reverted = await sim.Hypervisor.GetMachineAsync(vmId);

        Assert.Equal(("large", "small"), (resized!.Size, resized.PreviousSize));
        Assert.Equal(("small", (string?)null), (reverted!.Size, reverted.PreviousSize));
    }

    [Fact]
    public async Task Resize_ThenConfirm_KeepsNewSizeAndDropsPrevious()
    {
        var vmId = await sim.CreateRunningAsync();

        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Resize, Parameters("size", "large")));
        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.ConfirmResize));
        var confirmed = await sim.Hypervisor.GetMachineAsync(vmId);

        Assert.Equal(("large", (string?)null), (confirmed!.Size, confirmed.PreviousSize));
    }

    [Fact]
    public async Task Rebuild_WithImageParameter_ChangesImage()
    {
        var vmId = await sim.CreateRunningAsync();

        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Rebuild, Parameters("image", "debian-13")));

        Assert.Equal("debian-13", (await sim.Hypervisor.GetMachineAsync(vmId))!.Image);
    }

    [Fact]
    public async Task Create_KeepsCommandDescriptionAndVmId()
    {
        var vmId = await sim.CreateRunningAsync();

        var machine = await sim.Hypervisor.GetMachineAsync(vmId);

        Assert.Equal((vmId, vmId, "small", "ubuntu-24.04"), (machine!.ExternalId, machine.VmId, machine.Size, machine.Image));
    }

    [Fact]
    public async Task Delete_RemovesMachineFromGetAndBulkList()
    {
        var vmId = await sim.CreateRunningAsync();

        await sim.RunAsync(SimulatorHarness.Command(vmId, VmAction.Delete));

        Assert.Equal(PowerState.NoState, (await sim.Hypervisor.GetPowerStateAsync(vmId)).PowerState);
        Assert.Null(await sim.Hypervisor.GetMachineAsync(vmId));
        Assert.DoesNotContain(await sim.ListAllAsync(), r => r.ExternalId == vmId);
    }

    private static Dictionary<string, string> Parameters(string key, string value) => new() { [key] = value };
}
