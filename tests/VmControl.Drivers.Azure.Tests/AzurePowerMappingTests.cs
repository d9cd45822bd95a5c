namespace VmControl.Drivers.Azure.Tests;

/// <summary>Every instance-view power code, read through the driver from the fake's VM GET.</summary>
public sealed class AzurePowerMappingTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Theory]
    [InlineData("PowerState/running", null, PowerState.Running, "running")]
    [InlineData("PowerState/stopped", null, PowerState.Shutdown, "stopped")]
    [InlineData("PowerState/deallocated", null, PowerState.Shutdown, "deallocated")]
    [InlineData("PowerState/deallocated", "HibernationState/Hibernated", PowerState.Suspended, "hibernated")]
    [InlineData("PowerState/starting", null, PowerState.Shutdown, "starting")]
    [InlineData("PowerState/stopping", null, PowerState.Running, "stopping")]
    [InlineData("PowerState/deallocating", null, PowerState.Running, "deallocating")]
    [InlineData("PowerState/unknown", null, PowerState.NoState, "unknown")]
    [InlineData(null, null, PowerState.NoState, null)]
    public async Task Instance_view_code_maps_to_power(string? code, string? extra, PowerState expected, string? detail)
    {
        await using var context = await AzureTestContext.StartAsync();
        var vm = context.Arm.AddVm("web-1");
        vm.Tags["vmcontrol-id"] = "vm-1";
        vm.Statuses.Clear();
        vm.Statuses.Add("ProvisioningState/succeeded");
        vm.Statuses.AddRange(new[] { code, extra }.OfType<string>());

        var reading = await context.Driver.GetPowerStateAsync(Vm);

        Assert.Equal(expected, reading.PowerState);
        Assert.Equal(detail, reading.Detail);
        Assert.Equal("vm-1", reading.VmId);
        Assert.Equal(Vm, reading.ExternalId);
        var call = Assert.Single(context.Arm.Requests);
        Assert.Equal("GET", call.Method);
        Assert.Contains("$expand=instanceView", Uri.UnescapeDataString(call.Query), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vm_azure_does_not_have_reads_as_nostate()
    {
        await using var context = await AzureTestContext.StartAsync();

        var reading = await context.Driver.GetPowerStateAsync(FakeArm.VmId("gone"));

        Assert.Equal(PowerState.NoState, reading.PowerState);
        Assert.Null(reading.VmId);
    }
}
