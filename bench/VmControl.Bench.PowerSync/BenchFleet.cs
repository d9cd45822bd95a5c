using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;
using VmControl.Domain;
using VmControl.Infrastructure.Simulation;
using VmControl.Infrastructure.Storage;

namespace VmControl.Bench.PowerSync;

/// <summary>
/// N active VMs with running machines, in tables of their own (a random prefix) on Azurite: the real Table stores,
/// the simulated hypervisor and the power-sync service, composed by hand (no engine: the fleet stays idle).
/// </summary>
internal sealed class BenchFleet : IAsyncDisposable
{
    // Azurite answers several requests at once; more in flight only queue inside it.
    private const int SeedParallelism = 32;

    private readonly StorageTables tables;
    private readonly TableClient machines;

    private BenchFleet(StorageTables tables, TableClient machines, IReadOnlyList<string> ids)
    {
        this.tables = tables;
        this.machines = machines;
        Ids = ids;
        Vms = new TableVmStore(tables);
        Hypervisor = new SimulatedHypervisor(machines, new SimulatorSettings(), TimeProvider.System);
        var commands = new VmCommands(
            Vms, new TableActionLog(tables), new NoTaskLauncher(), Hypervisor, new TaskSettings(), TimeProvider.System, NullLogger<VmCommands>.Instance);
        PowerSync = new PowerSyncService(
            Vms, new TableAlertStore(tables), Hypervisor, new NoTaskLauncher(), commands, new PowerSyncSettings(), TimeProvider.System,
            NullLogger<PowerSyncService>.Instance);
    }

    public IReadOnlyList<string> Ids { get; }

    public IVmStore Vms { get; }

    public SimulatedHypervisor Hypervisor { get; }

    public PowerSyncService PowerSync { get; }

    public static async Task<BenchFleet> SeedAsync(string connectionString, int n, CancellationToken cancellationToken)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString, TablePrefix = Cleanup.Prefix + Guid.NewGuid().ToString("N")[..10] };
        var service = TableServiceClientFactory.Create(options);
        var tables = new StorageTables(service, options);
        await tables.EnsureTablesAsync(cancellationToken);
        var ids = Enumerable.Range(0, n).Select(_ => VmIds.New()).ToList();
        var fleet = new BenchFleet(tables, service.GetTableClient(options.TablePrefix + SimulatorOptions.DefaultTableName), ids);

        var now = DateTimeOffset.UtcNow;
        await fleet.Hypervisor.AddMachinesAsync(ids.Select(id => new SimulatedMachineSpec(id, PowerState.Running, VmId: id)), cancellationToken);

        // One partition per VM, so no batch transactions: parallel single inserts.
        await Parallel.ForEachAsync(
            ids,
            new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
            async (id, ct) => await fleet.Vms.CreateAsync(
                new VmRecord
                {
                    Id = id, Name = id, Size = SimulatedMachineSpec.DefaultSize, Image = SimulatedMachineSpec.DefaultImage,
                    Driver = SimulatedHypervisor.DriverName, ExternalId = id, VmState = VmState.Active,
                    PowerState = PowerState.Running, PowerStateDetail = "running", PowerStateObservedAt = now,
                    CreatedAt = now, UpdatedAt = now,
                },
                ct));
        return fleet;
    }

    /// <summary>Shuts down the machines of <paramref name="ids"/> out of band, in batches.</summary>
    public Task DriftAsync(IEnumerable<string> ids, CancellationToken cancellationToken) =>
        Hypervisor.AddMachinesAsync(ids.Select(id => new SimulatedMachineSpec(id, PowerState.Shutdown, VmId: id)), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        PowerSync.Dispose();
        await tables.DeleteTablesAsync();
        await machines.DeleteAsync();
    }
}
