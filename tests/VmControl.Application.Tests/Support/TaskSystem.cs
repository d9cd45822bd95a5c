using System.Security.Cryptography;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VmControl.Drivers.Simulated;
using VmControl.Storage;
using VmControl.Durable.Sidecar;

namespace VmControl.Application.Tests.Support;

/// <summary>
/// The application with a real Durable engine (the sidecar over the Azure Storage provider on Azurite), the Table
/// stores and the simulated hypervisor, isolated by a random table prefix and task hub.
/// </summary>
public sealed class TaskSystem : IAsyncLifetime
{
    private readonly string prefix = "T" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
    private IHost? host;
    private DurableSidecar? sidecar;

    public Action<TaskSettings> ConfigureTasks { get; init; } = _ => { };

    /// <summary>More services or settings, applied after the application's own (e.g. a short fleet poll interval).</summary>
    public Action<IServiceCollection> ConfigureServices { get; init; } = _ => { };

    public IServiceProvider Services => host!.Services;

    /// <summary>The use cases, called as the API calls them.</summary>
    public Commands Commands => new(Services);

    public VmQueries Queries => Services.GetRequiredService<VmQueries>();

    public IVmStore Vms => Services.GetRequiredService<IVmStore>();

    public IActionLog Actions => Services.GetRequiredService<IActionLog>();

    public SimulatorSettings Simulator => Services.GetRequiredService<SimulatorSettings>();

    public async Task InitializeAsync()
    {
        AzuriteCheck.EnsureRunning();
        sidecar = await DurableSidecar.StartAsync(
            new DurableEngineOptions { HubName = prefix, WorkerId = prefix, PartitionCount = 1 },
            NullLoggerFactory.Instance);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddTableStorage(new TableStorageOptions { ConnectionString = AzuriteCheck.ConnectionString, TablePrefix = prefix });
        builder.Services.AddSimulatedHypervisor(AzuriteCheck.ConnectionString, o => o.TablePrefix = prefix);
        builder.Services.AddVmControlApplication(ConfigureTasks);
        builder.Services.AddDurableEngine(sidecar);
        ConfigureServices(builder.Services);
        host = builder.Build();
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (host is not null)
        {
            await host.StopAsync();
            host.Dispose();
        }

        if (sidecar is not null)
        {
            await sidecar.Service.DeleteAsync();
            await sidecar.DisposeAsync();
        }
    }

    /// <summary>Creates a VM and waits until its build task has ended.</summary>
    public async Task<VmRecord> CreateActiveVmAsync(string name = "vm1")
    {
        var result = await Commands.CreateAsync(new CreateVmRequest(name, "small", "ubuntu"));
        var accepted = Assert.IsType<CommandResult.Accepted>(result);
        return await WaitIdleAsync(accepted.Vm.Id);
    }

    public async Task<ActionRecord> RunAsync(string vmId, VmAction action, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var result = await Commands.RequestActionAsync(new ActionRequest(vmId, action, parameters));
        var accepted = Assert.IsType<CommandResult.Accepted>(result);
        await WaitIdleAsync(vmId);
        return await WaitFinishedAsync(vmId, accepted.Action.Id);
    }

    /// <summary>Polls the VM until no task is in flight (bounded, so a stuck task fails the test).</summary>
    public async Task<VmRecord> WaitIdleAsync(string vmId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var vm = await Vms.GetAsync(vmId) ?? throw new InvalidOperationException($"VM {vmId} vanished.");
            if (vm.TaskState is null)
            {
                return vm;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"VM {vmId} still has task {vm.TaskState} ({vm.CurrentActionId}).");
            }

            await Task.Delay(50);
        }
    }

    public async Task<ActionRecord> WaitFinishedAsync(string vmId, string actionId, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var action = await Actions.GetAsync(vmId, actionId) ?? throw new InvalidOperationException($"Action {actionId} is not recorded.");
            if (action.Status != ActionStatus.Running)
            {
                return action;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Action {actionId} is still running.");
            }

            await Task.Delay(50);
        }
    }
}
