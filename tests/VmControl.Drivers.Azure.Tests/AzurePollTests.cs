namespace VmControl.Drivers.Azure.Tests;

/// <summary>Polling an operation through ARM's Azure-AsyncOperation URL, kept inside the operation id.</summary>
public sealed class AzurePollTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Fact]
    public async Task Poll_reports_progress_then_success_with_the_power_after()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Stop, Vm));

        var first = await context.Driver.PollAsync(operation);
        var second = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.InProgress, first.State);
        Assert.Equal(TimeSpan.FromSeconds(10), first.PollAfter);
        Assert.Equal(OperationState.Succeeded, second.State);
        Assert.Equal(PowerState.Shutdown, second.Power!.PowerState);
        Assert.Equal("deallocated", second.Power.Detail);
        Assert.Contains(context.Arm.Requests, r => r.Method == "GET" && r.Path.EndsWith("/operations/op1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failed_operation_reports_the_arm_error()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.OperationStatuses.Clear();
        context.Arm.OperationStatuses.AddRange(["InProgress", "Failed"]);
        context.Arm.OperationError = ("AllocationFailed", "Allocation failed. We do not have sufficient capacity.");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Start, Vm));

        await context.Driver.PollAsync(operation);
        var failed = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal("AllocationFailed", failed.Error!.Code);
        Assert.Equal("Allocation failed. We do not have sufficient capacity.", failed.Error.Message);
        Assert.Equal(FailureKind.Started, failed.Error.Kind);
        Assert.False(failed.Error.Transient);
    }

    [Fact]
    public async Task A_provisioning_failure_after_the_operation_is_its_fault()
    {
        await using var context = await AzureTestContext.StartAsync();
        var vm = context.Arm.AddVm("web-1");
        context.Arm.OperationStatuses.Clear();
        context.Arm.OperationStatuses.Add("Succeeded");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Rebuild, Vm));
        vm.Statuses.Remove("ProvisioningState/succeeded");
        vm.Statuses.Add("ProvisioningState/failed/OSProvisioningTimedOut");

        var failed = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal("OSProvisioningTimedOut", failed.Error!.Code);
    }

    [Fact]
    public async Task Hard_reboot_cuts_power_then_powers_on_once()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.OperationStatuses.Clear();
        context.Arm.OperationStatuses.Add("Succeeded");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.RebootHard, Vm));

        var afterPowerOff = await context.Driver.PollAsync(operation);
        var afterPowerOn = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.InProgress, afterPowerOff.State);
        Assert.Equal(OperationState.Succeeded, afterPowerOn.State);
        Assert.Equal(PowerState.Running, afterPowerOn.Power!.PowerState);
        var posts = context.Arm.Requests.Where(r => r.Method == "POST").Select(r => r.Path[Vm.Length..]).ToList();
        Assert.Equal(["/powerOff", "/start"], posts);
    }

    [Fact]
    public async Task Throttled_poll_waits_as_long_as_arm_asks()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Start, Vm));
        context.Arm.FailNext(429, "TooManyRequests", retryAfterSeconds: 42);

        var progress = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.InProgress, progress.State);
        Assert.Equal(TimeSpan.FromSeconds(42), progress.PollAfter);
    }

    [Fact]
    public async Task Delete_succeeds_with_nostate()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.OperationStatuses.Clear();
        context.Arm.OperationStatuses.Add("Succeeded");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Delete, Vm));

        var done = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.Succeeded, done.State);
        Assert.Equal(PowerState.NoState, done.Power!.PowerState);
    }

    [Theory]
    [InlineData("not-an-azure-operation")]
    [InlineData("azure1:{\"Kind\":\"async\",\"Url\":\"https://evil.example/op\"}")]
    public async Task Foreign_operation_ids_are_refused_without_sending_the_token(string operationId)
    {
        await using var context = await AzureTestContext.StartAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.PollAsync(new HypervisorOperation(Vm, operationId, TimeSpan.Zero)));

        Assert.Equal("invalid_operation", error.Error.Code);
        Assert.Empty(context.Arm.Requests);
    }
}
