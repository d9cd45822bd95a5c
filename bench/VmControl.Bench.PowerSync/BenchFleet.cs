using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;
using VmControl.Application.Events;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;
using VmControl.Domain;
using VmControl.Drivers.Simulated;
using VmControl.Storage;

namespace VmControl.Bench.PowerSync;

/// <summary>
/// N active VMs with running machines, in tables of their own (a random prefix) on Azurite: the real Table stores,
/// the simulated hypervisor and the power-sync service, composed by hand (no engine: the fleet stays idle).
/// </summary>
internal sealed class BenchFleet : IAsyncDisposable
{
    // Azurite serves requests on one thread: 1, 4 and 32 in flight insert at the same rate (docs/benchmarks.md), so a
    // few in flight only hide the round trip.
    private const int SeedParallelism = 8;

    // Azurite as installed slows down as the VM table fills (docs/benchmarks.md): the rate shows whether it does.
    private const int ProgressEvery = 10_000;

    private readonly StorageTables tables;
    private readonly TableClient machines;

    private BenchFleet(StorageTables tables, TableClient machines, IReadOnlyList<string> ids)
    {
        this.tables = tables;
        this.machines = machines;
        Ids = ids;
        Vms = new TableVmStore(tables);
        Hypervisor = new SimulatedHypervisor(machines, new SimulatorSettings(), TimeProvider.System);
        var actions = new TableActionLog(tables);
        var launcher = new NoTaskLauncher();
        var tasks = Options.Create(new TaskSettings());
        var time = TimeProvider.System;
        var opening = new VmOpening(Vms);
        var starter = new TaskStarter(Vms, actions, launcher, opening, tasks, time, NullLogger<TaskStarter>.Instance);
        var preemption = new Preemption(actions, launcher, tasks, NullLogger<Preemption>.Instance);
        var delete = new DeleteVm(Vms, actions, Hypervisor, opening, preemption, starter, tasks, time);
        PowerSync = new PowerSyncService(
            Vms,
            new TableAlertStore(tables),
            Hypervisor,
            launcher,
            new RequestAction(Vms, Hypervisor, opening, starter, delete, tasks, time),
            delete,
            new ResumeLostTask(actions, launcher, tasks, time, NullLogger<ResumeLostTask>.Instance),

            // The fleet's stores publish no events, so recovery has nothing to find: it is off, as the pass was measured.
            new EventRecovery(new TableOutbox(tables), NullEventSink.Instance, Options.Create(new EventSettings { Enabled = false }), NullLogger<EventRecovery>.Instance),
            new AutomatedStarts(new TableRateBudget(tables, Options.Create(new RateBudgetSettings()), time), BudgetScope.Default, time),
            Options.Create(new PowerSyncSettings()),
            time,
            NullLogger<PowerSyncService>.Instance);
    }

    public IReadOnlyList<string> Ids { get; }

    public IVmStore Vms { get; }

    public SimulatedHypervisor Hypervisor { get; }

    public PowerSyncService PowerSync { get; }

    /// <summary>Seconds spent putting the machines on the simulated hypervisor.</summary>
    public double MachineSeedSeconds { get; private set; }

    /// <summary>Seconds spent creating the VM records.</summary>
    public double VmSeedSeconds { get; private set; }

    public static async Task<BenchFleet> SeedAsync(string connectionString, int n, TextWriter progress, CancellationToken cancellationToken)
    {
        var options = new TableStorageOptions { ConnectionString = connectionString, TablePrefix = Cleanup.Prefix + Guid.NewGuid().ToString("N")[..10] };
        var service = TableServiceClientFactory.Create(options);
        var tables = new StorageTables(service, options);
        await tables.EnsureTablesAsync(cancellationToken);
        var ids = Enumerable.Range(0, n).Select(_ => VmIds.New()).ToList();
        var fleet = new BenchFleet(tables, service.GetTableClient(options.TablePrefix + SimulatorOptions.DefaultTableName), ids);

        var clock = Stopwatch.StartNew();
        await fleet.Hypervisor.AddMachinesAsync(ids.Select(id => new SimulatedMachineSpec(id, PowerState.Running, VmId: id)), cancellationToken);
        fleet.MachineSeedSeconds = clock.Elapsed.TotalSeconds;

        // One partition per VM, so no batch transactions: parallel single inserts through the store itself.
        var now = DateTimeOffset.UtcNow;
        clock.Restart();
        var lap = Stopwatch.StartNew();
        var created = 0;
        foreach (var slice in ids.Chunk(ProgressEvery))
        {
            lap.Restart();
            await Parallel.ForEachAsync(
                slice,
                new ParallelOptions { MaxDegreeOfParallelism = SeedParallelism, CancellationToken = cancellationToken },
                async (id, ct) => await fleet.Vms.CreateAsync(Record(id, now), ct));
            created += slice.Length;
            if (n > ProgressEvery)
            {
                progress.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"  VM records {created,7:N0} of {n:N0}: the last {slice.Length:N0} at {slice.Length / lap.Elapsed.TotalSeconds,6:F0}/s, {clock.Elapsed.TotalSeconds,6:F1} s so far"));
            }
        }

        fleet.VmSeedSeconds = clock.Elapsed.TotalSeconds;
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

    private static VmRecord Record(string id, DateTimeOffset now) => new()
    {
        Id = id, Name = id, Size = SimulatedMachineSpec.DefaultSize, Image = SimulatedMachineSpec.DefaultImage,
        Driver = SimulatedHypervisor.DriverName, ExternalId = id, VmState = VmState.Active,
        PowerState = PowerState.Running, PowerStateDetail = "running", PowerStateObservedAt = now,
        CreatedAt = now, UpdatedAt = now,
    };
}
