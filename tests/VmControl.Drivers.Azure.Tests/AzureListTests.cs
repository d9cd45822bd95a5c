namespace VmControl.Drivers.Azure.Tests;

/// <summary>The bulk power read: the subscription list with statusOnly, one ARM page per call.</summary>
public sealed class AzureListTests
{
    [Fact]
    public async Task Pages_follow_arms_next_link()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("a").Tags["vmcontrol-id"] = "vm-a";
        context.Arm.AddVm("b").SetPower("deallocated");
        context.Arm.AddVm("c").SetPower("stopped");

        var first = await context.Driver.ListPowerStatesAsync(null);
        var second = await context.Driver.ListPowerStatesAsync(first.ContinuationToken);

        Assert.Equal([FakeArm.VmId("a"), FakeArm.VmId("b")], first.Items.Select(r => r.ExternalId));
        Assert.Equal([PowerState.Running, PowerState.Shutdown], first.Items.Select(r => r.PowerState));
        Assert.Equal("vm-a", first.Items[0].VmId);
        Assert.NotNull(first.ContinuationToken);
        Assert.DoesNotContain("skiptoken", first.ContinuationToken, StringComparison.Ordinal);
        Assert.Equal([FakeArm.VmId("c")], second.Items.Select(r => r.ExternalId));
        Assert.Null(second.ContinuationToken);

        var calls = context.Arm.Requests;
        Assert.Equal(2, calls.Count);
        Assert.All(calls, c => Assert.Equal($"/subscriptions/{FakeArm.Subscription}/providers/Microsoft.Compute/virtualMachines", c.Path));
        Assert.All(calls, c => Assert.Contains("statusOnly=true", c.Query, StringComparison.Ordinal));
        Assert.Contains("skiptoken=2", calls[1].Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resource_group_scope_keeps_only_that_groups_vms()
    {
        await using var context = await AzureTestContext.StartAsync(o => o.ListScope = AzureListScope.ResourceGroup);
        context.Arm.ListPageSize = 10;
        context.Arm.AddVm("mine");
        context.Arm.AddVm("theirs", group: "other-rg");

        var page = await context.Driver.ListPowerStatesAsync(null);

        Assert.Equal([FakeArm.VmId("mine")], page.Items.Select(r => r.ExternalId));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("az1.aHR0cHM6Ly9ldmlsLmV4YW1wbGUvbmV4dA==")]
    public async Task Foreign_tokens_are_refused(string token)
    {
        await using var context = await AzureTestContext.StartAsync();

        await Assert.ThrowsAsync<InvalidContinuationTokenException>(() => context.Driver.ListPowerStatesAsync(token));

        Assert.Empty(context.Arm.Requests);
    }
}
