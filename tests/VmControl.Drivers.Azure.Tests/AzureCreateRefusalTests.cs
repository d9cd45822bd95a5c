namespace VmControl.Drivers.Azure.Tests;

/// <summary>What create refuses, all before any request but the name clash, which needs one read.</summary>
public sealed class AzureCreateRefusalTests
{
    [Fact]
    public async Task Create_without_the_ssh_settings_is_not_configured_before_any_request()
    {
        await using var context = await AzureTestContext.StartAsync(o => o.SubnetId = AzureCreate.Subnet);

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("create_not_configured", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Contains("Azure__AdminUsername", error.Message, StringComparison.Ordinal);
        Assert.Contains("Azure__SshPublicKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Azure__SubnetId", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.Arm.Requests);
    }

    [Fact]
    public async Task A_subnet_setting_that_is_not_a_subnet_is_not_configured()
    {
        await using var context = await AzureCreate.StartAsync(o => o.SubnetId = FakeArm.VmId("web-9"));

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("create_not_configured", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("ubuntu")]
    [InlineData("Canonical:ubuntu-24_04-lts:server")]
    [InlineData("Canonical::server:latest")]
    [InlineData("Canonical:ubuntu 24:server:latest")]
    [InlineData("")]
    [InlineData("/subscriptions/" + FakeArm.Subscription + "/resourceGroups/rg1/providers/Microsoft.Compute/disks/web-1-os")]
    [InlineData("/not/a/resource/id")]
    public async Task A_bad_image_is_refused_before_any_request(string image)
    {
        await using var context = await AzureCreate.StartAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(AzureCreate.Command("web-1", image)));

        Assert.Equal("invalid_image", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("vm 1")]
    [InlineData("-vm")]
    [InlineData("vm.")]
    public async Task A_vm_id_azure_does_not_accept_as_a_name_is_refused_before_any_request(string vmId)
    {
        await using var context = await AzureCreate.StartAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest") with { VmId = vmId }));

        Assert.Equal("invalid_name", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("location", "eastus")]
    [InlineData("resourceGroup", "other-rg")]
    public async Task A_placement_other_than_the_configured_one_is_refused_before_any_request(string parameter, string value)
    {
        await using var context = await AzureCreate.StartAsync();
        var command = AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest") with
        {
            Parameters = new Dictionary<string, string> { [parameter] = value },
        };

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(command));

        Assert.Equal("placement_unsupported", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }

    [Fact]
    public async Task A_name_taken_by_a_vm_this_one_does_not_own_is_refused_without_a_put()
    {
        await using var context = await AzureCreate.StartAsync();
        context.Arm.AddVm("vm-1").Tags["vmcontrol-id"] = "someone-else";

        var error = await Assert.ThrowsAsync<HypervisorException>(() => context.Driver.BeginAsync(AzureCreate.Command("web-1", "Canonical:ubuntu-24_04-lts:server:latest")));

        Assert.Equal("name_taken", error.Error.Code);
        Assert.DoesNotContain(context.Arm.Requests, r => r.Method != "GET");
    }
}
