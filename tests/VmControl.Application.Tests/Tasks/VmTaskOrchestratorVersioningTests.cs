using Microsoft.DurableTask.Client;
using VmControl.Application.Tasks.V1;
using VmControl.Application.Tests.Tasks.Harness;

namespace VmControl.Application.Tests.Tasks;

/// <summary>
/// A deploy does not break tasks in flight: an instance the previous version started (<see cref="VmTaskOrchestratorV1"/>,
/// under its old name, with the old begin activity) and left waiting on a durable timer replays its recorded history
/// under a new engine and worker with the current registrations, and completes; the next task runs the current version.
/// </summary>
public sealed class VmTaskOrchestratorVersioningTests
{
    [Fact]
    public async Task AnInstanceOfThePreviousVersion_InFlightAcrossARestart_ReplaysAndCompletes()
    {
        var prefix = TaskEngine.NewPrefix();
        var driver = new ScriptedDriver();
        var before = new TaskEngine { Prefix = prefix, Driver = driver, LaunchV1 = true };
        var after = new TaskEngine { Prefix = prefix, Driver = driver };
        try
        {
            await before.StartAsync();
            var vm = await before.CreateActiveVmAsync();
            before.Hypervisor.Settings.LatencyMs = 3000;
            var actionId = await before.RequestAsync(vm.Id, VmAction.Stop);
            await WaitForBeginAsync(before, vm.Id, actionId);
            var inFlight = await before.Client.GetInstanceAsync(TaskInstanceIds.For(vm.Id));
            Assert.Equal((VmTaskOrchestratorV1.Name, OrchestrationRuntimeStatus.Running), (inFlight?.Name, inFlight?.RuntimeStatus));
            await before.StopAsync();

            await after.StartAsync();
            var stopped = await after.WaitForTaskAsync(vm.Id, actionId);

            var replayed = await after.Client.GetInstanceAsync(TaskInstanceIds.For(vm.Id), getInputsAndOutputs: true);
            Assert.Equal(VmTaskOrchestratorV1.Name, replayed?.Name);
            Assert.Equal(ActionStatus.Succeeded, replayed?.ReadOutputAs<VmTaskOutcome>()?.Status);
            Assert.Equal(ActionStatus.Succeeded, (await after.ActionAsync(vm.Id, actionId)).Status);
            Assert.Equal(VmState.Stopped, stopped.VmState);
            Assert.Equal(PowerState.Shutdown, (await after.MachineAsync(stopped)).PowerState);

            var startId = await after.RequestAsync(vm.Id, VmAction.Start);
            Assert.Equal(VmState.Active, (await after.WaitForTaskAsync(vm.Id, startId)).VmState);
            Assert.Equal(VmTaskOrchestrator.Name, (await after.Client.GetInstanceAsync(TaskInstanceIds.For(vm.Id)))?.Name);
        }
        finally
        {
            await before.StopAsync();
            await after.DisposeAsync();
        }
    }

    // The begin step has run and recorded the operation: the instance now waits on its first poll's durable timer.
    private static async Task WaitForBeginAsync(TaskEngine engine, string vmId, string actionId)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!(await engine.ActionAsync(vmId, actionId)).Events.Any(e => e.Step == "hypervisor.begin" && e.Result == "ok"))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The begin step of action {actionId} did not run.");
            }

            await Task.Delay(50);
        }
    }
}
