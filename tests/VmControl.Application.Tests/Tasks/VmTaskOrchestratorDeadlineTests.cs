namespace VmControl.Application.Tests.Tasks;

/// <summary>A task past its deadline fails with <c>deadline_exceeded</c> and the failure rule applies.</summary>
public sealed class VmTaskOrchestratorDeadlineTests : IAsyncLifetime
{
    private readonly TaskSystem system = new()
    {
        ConfigureTasks = t =>
        {
            t.Deadlines["stop"] = TimeSpan.FromSeconds(2);
            t.Deadlines["resize"] = TimeSpan.FromSeconds(2);
        },
    };

    public Task InitializeAsync() => system.InitializeAsync();

    public Task DisposeAsync() => system.DisposeAsync();

    [Fact]
    public async Task Stop_SlowerThanItsDeadline_FailsAndLeavesTheVmActive()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.LatencyMs = 30_000;

        var record = await system.RunAsync(vm.Id, VmAction.Stop);

        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.Equal("deadline_exceeded", record.Error?.Code);
        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(VmState.Active, after!.VmState);
        Assert.Null(after.TaskState);
    }

    [Fact]
    public async Task Resize_SlowerThanItsDeadline_FailsAndPutsTheVmInError_BecauseItStarted()
    {
        var vm = await system.CreateActiveVmAsync();
        system.Simulator.LatencyMs = 30_000;

        var record = await system.RunAsync(vm.Id, VmAction.Resize, new Dictionary<string, string> { ["size"] = "large" });

        Assert.Equal(ActionStatus.Failed, record.Status);
        Assert.Equal("deadline_exceeded", record.Error?.Code);
        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Equal(VmState.Error, after!.VmState);
        Assert.Null(after.TaskState);
    }
}
