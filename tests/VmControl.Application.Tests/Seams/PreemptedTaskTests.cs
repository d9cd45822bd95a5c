using Microsoft.DurableTask;
using Moq;
using VmControl.Application.Tasks.Activities;
using VmControl.Testing.Fakes;

namespace VmControl.Application.Tests.Seams;

/// <summary>
/// A task whose VM was taken by a hard delete (docs/lifecycle.md §2) before its steps ran: the hypervisor is never
/// called and the VM is never written; only its own action is ended, as pre-empted. Mocks at the driver and store
/// ports, because "never called" and "never written" are the claims.
/// </summary>
public sealed class PreemptedTaskTests
{
    private readonly Mock<IVmStore> store = new();
    private readonly Mock<IHypervisorDriver> driver = new();
    private readonly FakeActionLog log = new();

    [Fact]
    public async Task BeginStep_AfterADeleteTookTheVm_NeverCallsTheDriver_NorWritesTheVm_AndEndsItsActionPreempted()
    {
        var (input, vm) = await PreemptedStopAsync();

        var begin = new BeginVmTaskActivity(store.Object, log, driver.Object, TimeProvider.System);
        var outcome = await begin.RunAsync(Mock.Of<TaskActivityContext>(), input);

        Assert.Equal(ActionStatus.Preempted, Assert.IsType<BeginOutcome.Ended>(outcome).Outcome.Status);
        Assert.Equal(ActionStatus.Preempted, (await log.GetAsync(vm.Id, input.ActionId))!.Status);
        driver.Verify(d => d.BeginAsync(It.IsAny<HypervisorCommand>(), It.IsAny<CancellationToken>()), Times.Never);
        store.Verify(s => s.TryReplaceAsync(It.IsAny<VmRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task FinishStep_OfASucceededOperation_AfterADeleteTookTheVm_DoesNotWriteItsOutcomeToTheVm()
    {
        var (input, vm) = await PreemptedStopAsync();
        var power = new PowerReading(vm.Id, vm.Id, PowerState.Shutdown, null, DateTimeOffset.UnixEpoch);
        var finished = new FinishInput(input, Succeeded: true, power, null, vm.Id);

        var finish = new FinishVmTaskActivity(store.Object, log, driver.Object, TimeProvider.System);
        var outcome = await finish.RunAsync(Mock.Of<TaskActivityContext>(), finished);

        Assert.Equal(ActionStatus.Preempted, outcome.Status);
        store.Verify(s => s.TryReplaceAsync(It.IsAny<VmRecord>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    // A stop whose action is recorded, on a VM that a delete has claimed since (task_state deleting, the delete's action).
    private async Task<(VmTaskInput Input, VmRecord Vm)> PreemptedStopAsync()
    {
        var vmId = VmIds.New();
        var stopId = ActionIds.New(DateTimeOffset.UnixEpoch);
        var vm = new VmRecord
        {
            Id = vmId,
            Name = "web-1",
            Size = "small",
            Image = "ubuntu",
            VmState = VmState.Active,
            TaskState = TaskState.Deleting,
            PowerState = PowerState.Running,
            Driver = "mock",
            CurrentActionId = ActionIds.New(DateTimeOffset.UnixEpoch.AddSeconds(1)),
            ETag = "etag-1",
            CreatedAt = DateTimeOffset.UnixEpoch,
            UpdatedAt = DateTimeOffset.UnixEpoch,
        };
        store.Setup(s => s.GetAsync(vmId, It.IsAny<CancellationToken>())).ReturnsAsync(vm);
        await log.AppendAsync(new ActionRecord { Id = stopId, VmId = vmId, Action = "stop", TaskState = TaskState.PoweringOff });
        var input = new VmTaskInput(vmId, stopId, VmAction.Stop, TaskState.PoweringOff, new Dictionary<string, string>(), DateTimeOffset.MaxValue);
        return (input, vm);
    }
}
