namespace VmControl.Drivers.Azure.Tests;

/// <summary>Create with a resourceId adopts only VMs of the configured subscription and managed groups; anything else is refused before any request.</summary>
public sealed class AzureAdoptScopeTests
{
    private const string OtherSubscription = "00000000-0000-0000-0000-000000000002";

    [Theory]
    [InlineData(OtherSubscription, FakeArm.Group)]
    [InlineData(FakeArm.Subscription, "rg-someone-else")]
    [InlineData(OtherSubscription, "rg2")]
    public async Task Adopting_a_vm_outside_the_managed_scope_is_refused_before_any_request(string subscription, string group)
    {
        await using var context = await AzureTestContext.StartAsync(o => o.ManagedResourceGroups = "rg2, rg3");
        context.Arm.AddVm("existing", group);
        var id = $"/subscriptions/{subscription}/resourceGroups/{group}/providers/Microsoft.Compute/virtualMachines/existing";

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id))));

        Assert.Equal("adopt_out_of_scope", error.Error.Code);
        Assert.False(error.Transient);
        Assert.Contains("Azure__ManagedResourceGroups", error.Message, StringComparison.Ordinal);
        Assert.Empty(context.Arm.Requests);
    }

    [Theory]
    [InlineData("rg2")]
    [InlineData("RG3")]
    public async Task Adopting_a_vm_in_another_managed_group_tags_it(string group)
    {
        await using var context = await AzureTestContext.StartAsync(o => o.ManagedResourceGroups = "rg2,rg3");
        context.Arm.AddVm("existing", group.ToLowerInvariant());
        var id = FakeArm.VmId("existing", group);

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id)));

        Assert.Equal(["GET", "PATCH"], context.Arm.Requests.Select(r => r.Method));
        Assert.Equal("vm-1", context.Arm.Vms[operation.ExternalId].Tags["vmcontrol-id"]);
    }
}
