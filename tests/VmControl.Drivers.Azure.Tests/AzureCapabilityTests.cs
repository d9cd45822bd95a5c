namespace VmControl.Drivers.Azure.Tests;

/// <summary>What Azure cannot do is declared up front (the API answers 422) and refused by the driver too.</summary>
public sealed class AzureCapabilityTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Theory]
    [InlineData(VmAction.Pause, "Azure has no pause")]
    [InlineData(VmAction.Unpause, "Azure has no pause")]
    [InlineData(VmAction.Rescue, "Azure has no rescue")]
    [InlineData(VmAction.Unrescue, "Azure has no rescue")]
    public async Task Unsupported_actions_are_listed_with_reasons_and_refused(VmAction action, string reason)
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        Assert.False(context.Driver.Capabilities.Supports(action));
        Assert.StartsWith(reason, context.Driver.Capabilities.Unsupported[action], StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(action, Vm)));
        Assert.Equal("unsupported_action", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }

    [Fact]
    public async Task Everything_else_is_supported()
    {
        await using var context = await AzureTestContext.StartAsync();

        Assert.Equal(17, context.Driver.Capabilities.Supported.Count);
        Assert.Equal("azure", context.Driver.Name);
        Assert.False(context.Driver.Capabilities.DeallocatedReadsAsNoState);
    }

    [Fact]
    public async Task Suspend_is_refused_when_the_vm_has_no_hibernation()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Suspend, Vm)));

        Assert.Equal("hibernation_not_enabled", error.Error.Code);
        Assert.False(error.Transient);
        Assert.DoesNotContain(context.Arm.Requests, r => r.Method != "GET");
    }

    [Fact]
    public async Task Rebuild_onto_another_image_is_refused()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Rebuild, Vm, ("image", "Debian:debian-12:12:latest"))));

        Assert.Equal("rebuild_image_change_unsupported", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }
}
