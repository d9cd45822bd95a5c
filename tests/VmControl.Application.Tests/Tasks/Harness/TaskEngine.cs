using System.Security.Cryptography;
using Azure.Core;
using Azure.Data.Tables;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VmControl.Drivers.Simulated;
using VmControl.Durable;
using VmControl.Durable.Sidecar;
using VmControl.Storage;

namespace VmControl.Application.Tests.Tasks.Harness;

/// <summary>
/// One run of the application over the real Durable engine (the sidecar over Azurite), with the seams the
/// orchestrator's branch tests need: small <see cref="VmTaskLimits"/>, a <see cref="ScriptedDriver"/> at the driver
/// port, a <see cref="StoreOutage"/> in the stores' client, a hook before each start, and optionally the previous
/// version's launcher. <see cref="StopAsync"/> keeps the task hub and tables, so a second engine over the same
/// <see cref="Prefix"/> carries on the first one's instances (a deploy).
/// </summary>
internal sealed class TaskEngine : IAsyncDisposable
{
    private IHost? host;
    private DurableSidecar? sidecar;

    /// <summary>A fresh table prefix and task hub name, so runs do not see each other.</summary>
    public static string NewPrefix() => "O" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));

    public required string Prefix { get; init; }

    public VmTaskLimits Limits { get; init; } = VmTaskLimits.Default;

    public ScriptedDriver Driver { get; init; } = new();

    public StoreOutage Outage { get; } = new();

    /// <summary>Start tasks under the previous orchestrator's name, as the previous deploy did.</summary>
    public bool LaunchV1 { get; init; }

    public Action<TaskSettings> ConfigureTasks { get; init; } = _ => { };

    public IServiceProvider Services => host!.Services;

    public Commands Commands => new(Services);

    public IVmStore Vms => Services.GetRequiredService<IVmStore>();

    public IActionLog Actions => Services.GetRequiredService<IActionLog>();

    public SimulatedHypervisor Hypervisor => Services.GetRequiredService<SimulatedHypervisor>();

    public HookedLauncher Launcher => (HookedLauncher)Services.GetRequiredService<ITaskLauncher>();

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public async Task StartAsync()
    {
        AzuriteCheck.EnsureRunning();
        sidecar = await DurableSidecar.StartAsync(
            new DurableEngineOptions
            {
                HubName = Prefix,
                WorkerId = Prefix,
                PartitionCount = 1,

                // A message the stopped engine had fetched but not finished shows again this soon, as after a crash:
                // the orchestration's, and an activity's (a poll fetched just before the stop stayed hidden for the
                // default 5 minutes, and the restarted engine's task did not complete within the test's wait).
                ControlQueueVisibilityTimeout = TimeSpan.FromSeconds(5),
                WorkItemQueueVisibilityTimeout = TimeSpan.FromSeconds(10),
            },
            NullLoggerFactory.Instance);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddTableStorage(new TableStorageOptions { ConnectionString = AzuriteCheck.ConnectionString, TablePrefix = Prefix });

        // The stores' client with the outage in its pipeline, and no retries of its own: a failed request is a failed call.
        var clientOptions = new TableClientOptions();
        clientOptions.Retry.MaxRetries = 0;
        clientOptions.AddPolicy(Outage, HttpPipelinePosition.PerRetry);
        builder.Services.AddSingleton(new TableServiceClient(AzuriteCheck.ConnectionString, clientOptions));

        builder.Services.AddSimulatedHypervisor(AzuriteCheck.ConnectionString, o => o.TablePrefix = Prefix);
        builder.Services.AddSingleton<IHypervisorDriver>(sp => Driver.Over(sp.GetRequiredService<SimulatedHypervisor>()));
        builder.Services.AddVmControlApplication(ConfigureTasks);
        builder.Services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(sidecar.Channel);
            worker.AddTasks(registry => registry.AddVmControlTasks(Limits));
        });
        builder.Services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(sidecar.Channel);
            client.RegisterDirectly();
        });
        builder.Services.AddSingleton<ITaskLauncher>(sp =>
        {
            var client = sp.GetRequiredService<DurableTaskClient>();
            ITaskLauncher current = new DurableTaskLauncher(client);
            return new HookedLauncher(LaunchV1 ? new V1Launcher(client, current) : current);
        });
        host = builder.Build();
        await host.StartAsync();
    }

    /// <summary>Stops the worker and the engine, keeping the task hub and the tables (the instances stay in flight).</summary>
    public async Task StopAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
            host = null;
        }

        if (sidecar is not null)
        {
            await sidecar.DisposeAsync();
            sidecar = null;
        }
    }

    /// <summary>Stops, and deletes the task hub.</summary>
    public async ValueTask DisposeAsync()
    {
        var service = sidecar?.Service;
        await StopAsync();
        if (service is not null)
        {
            await service.DeleteAsync();
        }
    }

    public async Task<VmRecord> CreateActiveVmAsync()
    {
        var accepted = Assert.IsType<CommandResult.Accepted>(await Commands.CreateAsync(new CreateVmRequest("vm1", "small", "ubuntu")));
        var vm = await WaitForTaskAsync(accepted.Vm.Id, accepted.Action.Id);
        Assert.Equal(VmState.Active, vm.VmState);
        return vm;
    }

    /// <summary>Requests the action; returns its id once accepted.</summary>
    public async Task<string> RequestAsync(string vmId, VmAction action, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var accepted = Assert.IsType<CommandResult.Accepted>(await Commands.RequestActionAsync(new ActionRequest(vmId, action, parameters)));
        return accepted.Action.Id;
    }

    /// <summary>
    /// Waits (bounded) until the action's orchestration has completed, asking the engine rather than the stores (which
    /// may be in an outage), then reads the VM.
    /// </summary>
    public async Task<VmRecord> WaitForTaskAsync(string vmId, string actionId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(90));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(TaskInstanceIds.For(vmId), getInputsAndOutputs: true);
            if (instance is { IsCompleted: true } && instance.ReadInputAs<VmTaskInput>()?.ActionId == actionId)
            {
                Assert.Equal(OrchestrationRuntimeStatus.Completed, instance.RuntimeStatus);
                return await Vms.GetAsync(vmId) ?? throw new InvalidOperationException($"VM {vmId} vanished.");
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The task of action {actionId} on VM {vmId} did not complete ({instance?.RuntimeStatus}).");
            }

            await Task.Delay(50);
        }
    }

    public async Task<ActionRecord> ActionAsync(string vmId, string actionId) =>
        await Actions.GetAsync(vmId, actionId) ?? throw new InvalidOperationException($"Action {actionId} is not recorded.");

    public async Task<SimulatedMachine> MachineAsync(VmRecord vm) =>
        await Hypervisor.GetMachineAsync(vm.ExternalId!) ?? throw new InvalidOperationException($"No machine for VM {vm.Id}.");
}
