namespace VmControl.Drivers.Azure.Tests;

/// <summary>Each action sends exactly the ARM call docs/azure-driver.md lists.</summary>
public sealed class AzureActionCallTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Theory]
    [InlineData(VmAction.Start, "POST", "/start", "")]
    [InlineData(VmAction.Restore, "POST", "/start", "")]
    [InlineData(VmAction.Reboot, "POST", "/restart", "")]
    [InlineData(VmAction.RebootHard, "POST", "/powerOff", "skipShutdown=true")]
    [InlineData(VmAction.Rebuild, "POST", "/reimage", "")]
    [InlineData(VmAction.Migrate, "POST", "/redeploy", "")]
    [InlineData(VmAction.SoftDelete, "POST", "/deallocate", "")]
    [InlineData(VmAction.Delete, "DELETE", "", "")]
    public async Task Action_sends_its_ARM_call(VmAction action, string method, string suffix, string query)
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(action, Vm));

        var call = Assert.Single(context.Arm.Requests);
        Assert.Equal(method, call.Method);
        Assert.Equal(Vm + suffix, call.Path, ignoreCase: true);
        Assert.Equal("2023-07-01", call.ApiVersion);
        Assert.Contains(query, call.Query, StringComparison.Ordinal);
        Assert.Equal("Bearer " + StaticTokenCredential.Token, call.Authorization);
        Assert.Equal(Vm, operation.ExternalId);
        Assert.Equal(TimeSpan.FromSeconds(5), operation.PollAfter);
    }

    [Theory]
    [InlineData(AzureStopMode.Deallocate, "/deallocate")]
    [InlineData(AzureStopMode.PowerOff, "/powerOff")]
    public async Task Stop_follows_the_stop_mode(AzureStopMode mode, string suffix)
    {
        await using var context = await AzureTestContext.StartAsync(o => o.StopMode = mode);
        context.Arm.AddVm("web-1");

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Stop, Vm));

        var call = Assert.Single(context.Arm.Requests);
        Assert.Equal("POST", call.Method);
        Assert.Equal(Vm + suffix, call.Path);
        Assert.DoesNotContain("skipShutdown=true", call.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_passes_force_deletion_when_configured()
    {
        await using var context = await AzureTestContext.StartAsync(o => o.ForceDelete = true);
        context.Arm.AddVm("web-1");

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Delete, Vm));

        var call = Assert.Single(context.Arm.Requests);
        Assert.Equal("DELETE", call.Method);
        Assert.Equal(Vm, call.Path);
        Assert.Contains("forceDeletion=true", call.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resize_patches_the_hardware_profile_and_remembers_the_old_size()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1").Tags["team"] = "a";

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Resize, Vm, ("size", "Standard_D2s_v5")));

        var patch = context.Arm.Requests.Single(r => r.Method == "PATCH");
        Assert.Equal(Vm, patch.Path);
        Assert.Equal("2023-07-01", patch.ApiVersion);
        Assert.Contains("\"vmSize\":\"Standard_D2s_v5\"", patch.Body, StringComparison.Ordinal);
        var vm = context.Arm.Vms[Vm];
        Assert.Equal("Standard_D2s_v5", vm.Size);
        Assert.Equal("Standard_B2s", vm.Tags["vmcontrol-previous-size"]);
        Assert.Equal("a", vm.Tags["team"]);
    }

    [Fact]
    public async Task Revert_resize_patches_back_to_the_remembered_size()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Resize, Vm, ("size", "Standard_D2s_v5")));

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.RevertResize, Vm));

        var vm = context.Arm.Vms[Vm];
        Assert.Equal("Standard_B2s", vm.Size);
        Assert.False(vm.Tags.ContainsKey("vmcontrol-previous-size"));
        Assert.Equal(2, context.Arm.Requests.Count(r => r.Method == "PATCH"));
    }

    [Fact]
    public async Task Confirm_resize_calls_nothing()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.ConfirmResize, Vm));

        Assert.Empty(context.Arm.Requests);
        Assert.Equal(TimeSpan.Zero, operation.PollAfter);
    }

    [Theory]
    [InlineData(VmAction.Snapshot)]
    [InlineData(VmAction.Backup)]
    public async Task Snapshot_copies_the_os_disk(VmAction action)
    {
        await using var context = await AzureTestContext.StartAsync();
        var vm = context.Arm.AddVm("web-1");

        await context.Driver.BeginAsync(AzureTestContext.Command(action, Vm, ("name", "nightly 1")));

        var put = context.Arm.Requests.Single(r => r.Method == "PUT");
        Assert.Equal($"/subscriptions/{FakeArm.Subscription}/resourceGroups/{FakeArm.Group}/providers/Microsoft.Compute/snapshots/nightly-1", put.Path);
        Assert.Contains("\"createOption\":\"Copy\"", put.Body, StringComparison.Ordinal);
        Assert.Contains($"\"sourceResourceId\":\"{vm.OsDiskId}\"", put.Body, StringComparison.Ordinal);
        Assert.Contains("\"vmcontrol-id\":\"vm-1\"", put.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Suspend_hibernates_when_the_vm_allows_it()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1").HibernationEnabled = true;

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Suspend, Vm));

        var post = context.Arm.Requests.Single(r => r.Method == "POST");
        Assert.Equal(Vm + "/deallocate", post.Path);
        Assert.Contains("hibernate=true", post.Query, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resume_powers_on()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");

        await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Resume, Vm));

        Assert.Equal(Vm + "/start", Assert.Single(context.Arm.Requests).Path);
    }

    [Fact]
    public async Task Create_adopts_an_existing_vm_and_tags_it()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("existing");
        var id = FakeArm.VmId("existing");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id)));

        Assert.Equal(id, operation.ExternalId);
        Assert.Equal("vm-1", context.Arm.Vms[id].Tags["vmcontrol-id"]);
        Assert.Equal(["GET", "PATCH"], context.Arm.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Adopting_a_vm_already_tagged_for_this_vm_completes_without_a_write()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("existing").Tags["vmcontrol-id"] = "vm-1";
        var id = FakeArm.VmId("existing");

        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Create, null, ("resourceId", id)));
        var progress = await context.Driver.PollAsync(operation);

        Assert.Equal(VmControl.Application.Ports.OperationState.Succeeded, progress.State);
        Assert.Equal("vm-1", progress.Power!.VmId);
        Assert.DoesNotContain(context.Arm.Requests, r => r.Method != "GET");
    }
}
