namespace VmControl.Drivers.Libvirt.Tests;

/// <summary>The driver against libvirt's <c>test:///default</c> hypervisor: every action's effect on the domain.</summary>
public sealed class LibvirtDriverTests : IDisposable
{
    private readonly TestDefaultDriver fake = new();

    private LibvirtDriver Driver => fake.Driver;

    public void Dispose() => fake.Dispose();

    [Theory]
    [InlineData(new[] { VmAction.Stop }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Stop, VmAction.Start }, PowerState.Running)]
    [InlineData(new[] { VmAction.Pause }, PowerState.Paused)]
    [InlineData(new[] { VmAction.Pause, VmAction.Unpause }, PowerState.Running)]
    [InlineData(new[] { VmAction.Pause, VmAction.Stop }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Suspend }, PowerState.Suspended)]
    [InlineData(new[] { VmAction.Suspend, VmAction.Resume }, PowerState.Running)]
    [InlineData(new[] { VmAction.Reboot }, PowerState.Running)]
    [InlineData(new[] { VmAction.RebootHard }, PowerState.Running)]
    [InlineData(new[] { VmAction.Stop, VmAction.RebootHard }, PowerState.Running)]
    [InlineData(new[] { VmAction.Rescue }, PowerState.Running)]
    [InlineData(new[] { VmAction.Rescue, VmAction.Unrescue }, PowerState.Running)]
    [InlineData(new[] { VmAction.Resize, VmAction.ConfirmResize }, PowerState.Running)]
    [InlineData(new[] { VmAction.Stop, VmAction.Resize }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Rebuild }, PowerState.Running)]
    [InlineData(new[] { VmAction.Stop, VmAction.Rebuild }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.SoftDelete }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Suspend, VmAction.SoftDelete }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Rescue, VmAction.SoftDelete }, PowerState.Shutdown)]
    [InlineData(new[] { VmAction.Pause, VmAction.RebootHard }, PowerState.Running)]
    [InlineData(new[] { VmAction.Suspend, VmAction.RebootHard }, PowerState.Running)]
    [InlineData(new[] { VmAction.SoftDelete, VmAction.Restore }, PowerState.Running)]
    [InlineData(new[] { VmAction.Delete }, PowerState.NoState)]
    public async Task Actions_AfterCreate_LeaveTheDomainInTheirPowerState(VmAction[] actions, PowerState expected)
    {
        var vmId = TestDefaultDriver.NewVmId();
        Assert.Equal(PowerState.Running, (await fake.RunAsync(vmId, VmAction.Create)).PowerState);

        PowerReading last = null!;
        foreach (var action in actions)
        {
            last = await fake.RunAsync(vmId, action, (LibvirtDriver.SizeParameter, "medium"));
        }

        Assert.Equal(expected, last.PowerState);
        var read = await Driver.GetPowerStateAsync(last.ExternalId);
        Assert.Equal((expected, vmId), (read.PowerState, expected == PowerState.NoState ? vmId : read.VmId));
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    [Fact]
    public async Task Resize_ThenRevert_RestoresTheOldDefinition()
    {
        var vmId = TestDefaultDriver.NewVmId();
        await fake.RunAsync(vmId, VmAction.Create);

        await fake.RunAsync(vmId, VmAction.Resize, (LibvirtDriver.SizeParameter, "medium"));
        var resized = File.Exists(Path.Combine(fake.Options.StateFolder, $"vmcfast-{vmId}.resize.xml"));
        await fake.RunAsync(vmId, VmAction.RevertResize);

        Assert.True(resized);
        Assert.False(File.Exists(Path.Combine(fake.Options.StateFolder, $"vmcfast-{vmId}.resize.xml")));
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    [Fact]
    public async Task Create_Repeated_FindsTheDomainAndDoesNotDefineItAgain()
    {
        var vmId = TestDefaultDriver.NewVmId();
        var first = await fake.RunAsync(vmId, VmAction.Create);

        var again = await fake.RunAsync(vmId, VmAction.Create);

        Assert.Equal((first.ExternalId, PowerState.Running), (again.ExternalId, again.PowerState));
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    [Fact]
    public async Task ListPowerStates_OneCall_HasOurDomainsWithVmIdAndOthersWithout()
    {
        var vmId = TestDefaultDriver.NewVmId();
        await fake.RunAsync(vmId, VmAction.Create);
        await fake.RunAsync(vmId, VmAction.Pause);

        var page = await Driver.ListPowerStatesAsync(null);

        Assert.Null(page.ContinuationToken);
        Assert.Contains(page.Items, r => r.VmId == vmId && r.PowerState == PowerState.Paused);
        Assert.Contains(page.Items, r => r.VmId is null && r.PowerState == PowerState.Running); // the test driver's own "test" domain
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    [Fact]
    public async Task Delete_OfAVmTheHostDoesNotHave_SucceedsWithNoState()
    {
        var gone = await fake.RunAsync(TestDefaultDriver.NewVmId(), VmAction.Delete);

        Assert.Equal(PowerState.NoState, gone.PowerState);
    }

    [Fact]
    public async Task Start_OfAVmTheHostDoesNotHave_IsPermanentNotFound()
    {
        var refused = await Assert.ThrowsAsync<HypervisorException>(() => Driver.BeginAsync(TestDefaultDriver.Command(TestDefaultDriver.NewVmId(), VmAction.Start)));

        Assert.Equal(("not_found", false), (refused.Error.Code, refused.Transient));
    }

    [Fact]
    public async Task Migrate_IsRefusedBeforeAnyCallWithTheCapabilityReason()
    {
        var refused = await Assert.ThrowsAsync<HypervisorException>(() => Driver.BeginAsync(TestDefaultDriver.Command(TestDefaultDriver.NewVmId(), VmAction.Migrate)));

        Assert.Equal("unsupported_action", refused.Error.Code);
        Assert.Equal(Driver.Capabilities.Unsupported[VmAction.Migrate], refused.Message);
    }

    [Fact]
    public async Task Create_WithAnImageNotConfigured_IsPermanentInvalidImage()
    {
        var command = TestDefaultDriver.Command(TestDefaultDriver.NewVmId(), VmAction.Create) with { Image = "nope" };

        var refused = await Assert.ThrowsAsync<HypervisorException>(() => Driver.BeginAsync(command));

        Assert.Equal(("invalid_image", false), (refused.Error.Code, refused.Transient));
    }

    [Fact]
    public async Task Calls_WhenTheDaemonCannotBeReached_AreTransient()
    {
        using var events = new LibvirtPowerEvents();
        using var driver = new LibvirtDriver(new LibvirtDriverOptions { ConnectionUri = "qemu:///system?socket=/nonexistent/libvirt-sock" }, events);

        var failed = await Assert.ThrowsAsync<HypervisorException>(() => driver.ListPowerStatesAsync(null));

        Assert.True(failed.Transient, failed.Error.Code);
    }

    [Fact]
    public async Task LifecycleEvents_APause_NamesItsDomainInThePowerChangeFeed()
    {
        var vmId = TestDefaultDriver.NewVmId();
        await fake.RunAsync(vmId, VmAction.Create);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await DrainAsync(cts.Token);
        var before = fake.Events.Received;

        await fake.RunAsync(vmId, VmAction.Pause);
        var changes = await fake.Events.WaitForChangesAsync(cts.Token);

        Assert.True(fake.Events.Received > before);
        Assert.Equal([LibvirtIds.UuidOf(vmId)], changes.Machines);
        Assert.False(changes.Unheard);
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    [Fact]
    public async Task LifecycleEvents_SeveralOfOneDomain_ComeAsOneEntry()
    {
        var vmId = TestDefaultDriver.NewVmId();
        await fake.RunAsync(vmId, VmAction.Create);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await DrainAsync(cts.Token);
        var before = fake.Events.Received;

        await fake.RunAsync(vmId, VmAction.Pause);
        await fake.RunAsync(vmId, VmAction.Unpause);
        await fake.RunAsync(vmId, VmAction.Pause);
        while (fake.Events.Received < before + 3)
        {
            await Task.Delay(10, cts.Token);
        }

        var changes = await fake.Events.WaitForChangesAsync(cts.Token);
        Assert.Equal([LibvirtIds.UuidOf(vmId)], changes.Machines);
        await fake.RunAsync(vmId, VmAction.Delete);
    }

    // Events of earlier calls may still be queued: take them until none arrives for a moment.
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(TimeSpan.FromMilliseconds(300));
            try
            {
                await fake.Events.WaitForChangesAsync(quiet.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }
}
