using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.Tasks;
using VmControl.Application.Tests.Support;
using VmControl.Application.UseCases;
using VmControl.Domain;

namespace VmControl.Application.Tests.UseCases;

/// <summary>The task lock: concurrent requests start one task; a failed start leaves nothing half-claimed.</summary>
public sealed class VmCommandsConcurrencyTests(TaskSystem system) : IClassFixture<TaskSystem>
{
    [Fact]
    public async Task TwentyConcurrentStops_OnOneIdleVm_StartExactlyOneTask()
    {
        var vm = await system.CreateActiveVmAsync();

        // The winner's stop is held on the hypervisor while the others decide, so each of them is refused for the task
        // in flight (not for a VM already stopped, as it would be after a quick task ended).
        var hold = system.Simulator.AddHold(vm.Id, VmAction.Stop);
        try
        {
            var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
                Task.Run(() => system.Commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop)))));

            var accepted = Assert.Single(results.OfType<CommandResult.Accepted>());
            Assert.Equal(19, results.OfType<CommandResult.Refused>().Count());
            Assert.All(results.OfType<CommandResult.Refused>(), r => Assert.Equal(RefusalCode.TaskInProgress, r.Decision.Code));

            system.Simulator.ReleaseHold(hold.Id);
            await system.WaitFinishedAsync(vm.Id, accepted.Action.Id);
        }
        finally
        {
            system.Simulator.Reset();
        }

        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        Assert.Single(history.Items, a => a.Action == "stop");
        Assert.Equal(VmState.Stopped, (await system.Vms.GetAsync(vm.Id))!.VmState);
    }

    [Fact]
    public async Task StartFailing_AfterTheClaim_ReleasesTheClaim_AndFailsTheAction()
    {
        var vm = await system.CreateActiveVmAsync();
        var services = system.Services;
        var commands = new VmCommands(
            services.GetRequiredService<IVmStore>(),
            services.GetRequiredService<IActionLog>(),
            new UnreachableEngine(),
            services.GetRequiredService<IHypervisorDriver>(),
            services.GetRequiredService<TaskSettings>(),
            TimeProvider.System,
            NullLogger<VmCommands>.Instance);

        await Assert.ThrowsAsync<StoreUnavailableException>(() => commands.RequestActionAsync(new ActionRequest(vm.Id, VmAction.Stop)));

        var after = await system.Vms.GetAsync(vm.Id);
        Assert.Null(after!.TaskState);
        Assert.Equal(VmState.Active, after.VmState);
        var history = await system.Actions.ListAsync(vm.Id, 100, null);
        var stop = Assert.Single(history.Items, a => a.Action == "stop");
        Assert.Equal(ActionStatus.Failed, stop.Status);
        Assert.Equal("start_failed", stop.Error?.Code);

        // The VM is usable again through the real engine.
        var retried = await system.RunAsync(vm.Id, VmAction.Stop);
        Assert.Equal(ActionStatus.Succeeded, retried.Status);
    }

    /// <summary>A Durable engine that cannot be reached (a fake at the launcher seam).</summary>
    private sealed class UnreachableEngine : ITaskLauncher
    {
        public Task<bool> TryStartAsync(VmTaskInput input, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("The Durable engine is unreachable.");

        public Task<bool> TerminateAndWaitAsync(string vmId, string reason, TimeSpan timeout, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("The Durable engine is unreachable.");

        public Task<bool> IsRunningAsync(string vmId, CancellationToken cancellationToken = default) =>
            throw new HttpRequestException("The Durable engine is unreachable.");
    }
}
