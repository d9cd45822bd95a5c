namespace VmControl.Drivers.Azure.Tests;

/// <summary>Which ARM failures a retry may fix.</summary>
public sealed class AzureErrorTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Fact]
    public async Task Throttling_is_transient_and_says_how_long_to_wait()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.FailNext(429, "TooManyRequests", retryAfterSeconds: 7);

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Start, Vm)));

        Assert.True(error.Transient);
        Assert.Equal("throttled", error.Error.Code);
        Assert.Contains("7 s", error.Message, StringComparison.Ordinal);
        Assert.Equal(FailureKind.NothingChanged, error.Error.Kind);
    }

    [Theory]
    [InlineData(409, "OperationPreempted")]
    [InlineData(409, "Conflict")]
    [InlineData(400, "OperationPreempted")]
    public async Task Preemption_and_conflict_are_transient(int status, string code)
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.FailNext(status, code);

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Reboot, Vm)));

        Assert.True(error.Transient);
        Assert.Equal(code, error.Error.Code);
    }

    [Fact]
    public async Task An_action_on_a_missing_vm_is_permanent()
    {
        await using var context = await AzureTestContext.StartAsync();

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Start, Vm)));

        Assert.False(error.Transient);
        Assert.Equal("not_found", error.Error.Code);
    }

    [Fact]
    public async Task Other_client_errors_are_permanent()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.FailNext(400, "InvalidParameter");

        var error = await Assert.ThrowsAsync<HypervisorException>(
            () => context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Migrate, Vm)));

        Assert.False(error.Transient);
        Assert.Equal("InvalidParameter", error.Error.Code);
    }
}
