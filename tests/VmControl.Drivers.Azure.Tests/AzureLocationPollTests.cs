namespace VmControl.Drivers.Azure.Tests;

/// <summary>Operations ARM answers with only a Location header are polled by status code.</summary>
public sealed class AzureLocationPollTests
{
    private static readonly string Vm = FakeArm.VmId("web-1");

    [Fact]
    public async Task Location_polling_reports_progress_then_success()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.AsyncOperationHeader = false;
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Reboot, Vm));

        var first = await context.Driver.PollAsync(operation);
        var second = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.InProgress, first.State);
        Assert.Equal(TimeSpan.FromSeconds(10), first.PollAfter);
        Assert.Equal(OperationState.Succeeded, second.State);
        Assert.Equal(PowerState.Running, second.Power!.PowerState);
        Assert.Contains(context.Arm.Requests, r => r.Query.Contains("monitor=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Location_polling_reports_the_arm_error()
    {
        await using var context = await AzureTestContext.StartAsync();
        context.Arm.AddVm("web-1");
        context.Arm.AsyncOperationHeader = false;
        context.Arm.OperationStatuses.Clear();
        context.Arm.OperationStatuses.Add("Failed");
        context.Arm.OperationError = ("VMRedeploymentFailed", "Redeployment failed.");
        var operation = await context.Driver.BeginAsync(AzureTestContext.Command(VmAction.Migrate, Vm));

        var failed = await context.Driver.PollAsync(operation);

        Assert.Equal(OperationState.Failed, failed.State);
        Assert.Equal("VMRedeploymentFailed", failed.Error!.Code);
        Assert.Equal(FailureKind.Started, failed.Error.Kind);
    }
}
