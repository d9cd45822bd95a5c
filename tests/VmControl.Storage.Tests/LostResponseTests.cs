using Azure.Core;
using Azure.Data.Tables;

namespace VmControl.Storage.Tests;

/// <summary>
/// A write whose response is lost is retried by the storage client and meets its own effect. Found by the throughput
/// benchmark on an overloaded Azurite: the claim's retry answered 412, the request answered 409, and the VM stayed
/// claimed by a task that never existed. Each write must recognise its own effect.
/// </summary>
public sealed class LostResponseTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncLifetime
{
    private readonly LoseNextWriteResponse lose = new();
    private StorageTables tables = null!;

    private TableVmStore Vms => new(tables);

    private TableActionLog Log => new(tables);

    public async Task InitializeAsync()
    {
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 2;
        clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(10);
        clientOptions.AddPolicy(lose, HttpPipelinePosition.PerRetry);
        tables = new StorageTables(new TableServiceClient(AzuriteFixture.ConnectionString, clientOptions), azurite.Options);
        await tables.EnsureTablesAsync();
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Claim_WhoseRetryMeetsItsOwnWrite_IsClaimed()
    {
        var vm = await Vms.CreateAsync(TestData.Vm());
        var actionId = ActionIds.New(TestData.Now);
        lose.Arm();

        var claimed = await new TaskLock(Vms).TryClaimAsync(vm, TaskState.PoweringOff, actionId, TestData.Now, deadline: null);

        Assert.Equal(1, lose.Lost);
        Assert.NotNull(claimed);
        Assert.Equal((TaskState.PoweringOff, actionId), (claimed.TaskState, claimed.CurrentActionId));
    }

    [Fact]
    public async Task Claim_LostToAnotherRequest_StaysLost()
    {
        var vm = await Vms.CreateAsync(TestData.Vm());
        Assert.NotNull(await new TaskLock(Vms).TryClaimAsync(vm, TaskState.Rebooting, ActionIds.New(TestData.Now), TestData.Now, deadline: null));

        var second = await new TaskLock(Vms).TryClaimAsync(vm with { TaskState = null }, TaskState.PoweringOff, ActionIds.New(TestData.Now), TestData.Now, deadline: null);

        Assert.Null(second);
    }

    [Fact]
    public async Task ForceDeleting_WhoseRetryMeetsItsOwnWrite_ReturnsTheRecordBeforeAndAfter()
    {
        var vm = await Vms.CreateAsync(TestData.Vm());
        var actionId = ActionIds.New(TestData.Now);
        lose.Arm();

        var forced = await new TaskLock(Vms).ForceDeletingAsync(vm.Id, actionId, TestData.Now, deadline: null);

        Assert.Equal(1, lose.Lost);
        Assert.NotNull(forced);
        Assert.Null(forced.Value.Before.TaskState);
        Assert.Equal((TaskState.Deleting, actionId), (forced.Value.After.TaskState, forced.Value.After.CurrentActionId));
    }

    [Fact]
    public async Task CreateAndAppend_WhoseRetriesMeetTheirOwnInserts_Succeed()
    {
        var vm = TestData.Vm(task: TaskState.Spawning) with { CurrentActionId = ActionIds.New(TestData.Now) };
        lose.Arm();
        var created = await Vms.CreateAsync(vm);
        var action = TestData.Action(vm.Id, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        lose.Arm();
        var appended = await Log.AppendAsync(action);

        Assert.Equal(2, lose.Lost);
        Assert.Equal(vm.Id, created.Id);
        Assert.NotNull(created.ETag);
        Assert.Equal(ActionStatus.Running, appended.Status);
        Assert.NotNull(await Log.GetAsync(vm.Id, action.Id));
    }

    [Fact]
    public async Task ActionStep_WhoseRetryMeetsItsOwnWrite_RecordsEachEventOnce()
    {
        var vmId = VmIds.New();
        var action = TestData.Action(vmId, VmAction.Stop, TaskState.PoweringOff, TestData.Now);
        var appended = await Log.AppendAsync(action);
        lose.Arm();

        await Log.RecordAsync(
            vmId, action.Id, new ActionChange(TestData.Now, [new ActionEvent("hypervisor.begin", TestData.Now.AddSeconds(1), "ok", "op-1")]), appended);

        Assert.Equal(1, lose.Lost);
        Assert.Single((await Log.GetAsync(vmId, action.Id))!.Events);
    }
}
