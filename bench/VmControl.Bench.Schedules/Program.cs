// The schedule tick at scale (docs/benchmarks.md): N active VMs claimed by one schedule (a selector) on Azurite; one
// tick over a steady fleet (every VM already as desired) and one with 1% stopped by hand, with the real stores and use
// cases (tasks accepted, none run). Prints table reads, actions issued and wall time.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.Schedules [N,N,...] [connection string]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;
using VmControl.Application.Model;
using VmControl.Application.Schedules;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;
using VmControl.Bench.Schedules;
using VmControl.Domain;
using VmControl.Drivers.Simulated;
using VmControl.Storage;

var sizes = (args.Length > 0 ? args[0] : "10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var connection = args.Length > 1 ? args[1] : "UseDevelopmentStorage=true";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(40));
var ct = cancel.Token;
var monday = new DateTimeOffset(2026, 1, 5, 10, 0, 0, TimeSpan.Zero);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"schedule benchmark {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores"));
var rows = new List<(int N, string Kind, TickSummary Tick, double CpuSeconds, double ListSeconds)>();
foreach (var n in sizes)
{
    var options = new TableStorageOptions { ConnectionString = connection, TablePrefix = "Bsc" + Guid.NewGuid().ToString("N")[..10] };
    var tables = new StorageTables(TableServiceClientFactory.Create(options), options);
    await tables.EnsureTablesAsync(ct);
    try
    {
        var time = new FixedClock(monday);
        var vms = new TableVmStore(tables);
        var actions = new TableActionLog(tables);
        var store = new TableScheduleStore(tables);
        var launcher = new LaunchNothing();
        var tasks = Options.Create(new TaskSettings());
        var opening = new VmOpening(vms);
        var starter = new TaskStarter(vms, actions, launcher, opening, tasks, time, NullLogger<TaskStarter>.Instance);
        var driver = new SimulatedHypervisor(TableServiceClientFactory.Create(options).GetTableClient(options.TablePrefix + "Machines"), new SimulatorSettings(), time);
        var delete = new DeleteVm(vms, actions, driver, opening, new Preemption(actions, launcher, tasks, NullLogger<Preemption>.Instance), starter, tasks, time);
        using var tick = new ScheduleTick(
            vms, store, new TableAlertStore(tables), actions, new TableIdempotencyStore(tables),
            new RequestAction(vms, driver, opening, starter, delete, tasks, time),
            new AutomatedStarts(new TableRateBudget(tables, Options.Create(new RateBudgetSettings()), time), BudgetScope.Default, time),
            Options.Create(new ScheduleSettings()), time, NullLogger<ScheduleTick>.Instance);

        var seeding = Stopwatch.StartNew();
        var ids = Enumerable.Range(0, n).Select(_ => VmIds.New()).ToList();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) => await vms.CreateAsync(Record(id, monday), token));
        await store.Schedules.AddAsync(new Schedule
        {
            Id = "office", Name = "office hours", TimeZone = "Europe/London", Selector = new Selector { NamePrefix = "vm-" },
            Periods = [new SchedulePeriod([DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday], new TimeOnly(8, 0), new TimeOnly(18, 0))],
        }, ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"N={n}: seeded in {seeding.Elapsed.TotalSeconds:F1} s"));

        rows.Add(await MeasureAsync(n, "steady", tick, vms, ct));
        var stopped = ids.Take(Math.Max(1, n / 100)).ToList();
        await Parallel.ForEachAsync(stopped, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (id, token) =>
        {
            var vm = (await vms.GetAsync(id, token))!;
            await vms.TryReplaceAsync(vm with { VmState = VmState.Stopped, PowerState = PowerState.Shutdown }, token);
        });
        rows.Add(await MeasureAsync(n, "1% stopped", tick, vms, ct));
        if (rows[^1].Tick.Issued != stopped.Count || launcher.Started != stopped.Count)
        {
            Console.WriteLine($"  ! expected {stopped.Count} starts, issued {rows[^1].Tick.Issued}, launched {launcher.Started}");
        }
    }
    finally
    {
        await tables.DeleteTablesAsync(CancellationToken.None);
    }
}

Console.WriteLine();
Console.WriteLine("| N | tick | VM pages | target ≤ ceil(N/1000) | all table reads | actions issued | deferred | tick s | bare listing s | tick / listing | bench CPU s |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (n, kind, t, cpu, list) in rows)
{
    var pages = (n + 999) / 1000;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {n:N0} | {kind} | {pages} | {pages} | {t.TableReads:N0} | {t.Issued:N0} | {t.Deferred} | {t.DurationMs / 1000.0:F2} | {list:F2} | {t.DurationMs / 1000.0 / list:F2}x | {cpu:F2} |"));
}

// The baseline, in the same run just before the tick: the same pages of 1,000 listed and nothing else done.
static async Task<(int, string, TickSummary, double, double)> MeasureAsync(int n, string kind, ScheduleTick tick, TableVmStore vms, CancellationToken ct)
{
    var listing = Stopwatch.StartNew();
    string? token = null;
    do
    {
        token = (await vms.ListAsync(new VmQuery(Limit: 1000, ContinuationToken: token), ct)).ContinuationToken;
    }
    while (token is not null);
    var listSeconds = listing.Elapsed.TotalSeconds;
    var cpu = Environment.CpuUsage.TotalTime;
    var summary = await tick.RunAsync(ct);
    var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
    if (summary.Failed || summary.VmsSeen != n || summary.Scheduled != n)
    {
        throw new InvalidOperationException($"The tick failed or missed VMs: {summary}");
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  {kind}: {summary.VmsSeen} VMs, {summary.TableReads} reads, {summary.Issued} issued, {summary.SkippedCount} skipped in {summary.DurationMs} ms"));
    return (n, kind, summary, cpuSeconds, listSeconds);
}

static VmRecord Record(string id, DateTimeOffset now) => new()
{
    Id = id, Name = id, Size = SimulatedMachineSpec.DefaultSize, Image = SimulatedMachineSpec.DefaultImage,
    Driver = SimulatedHypervisor.DriverName, ExternalId = id, VmState = VmState.Active,
    PowerState = PowerState.Running, PowerStateDetail = "running", PowerStateObservedAt = now, CreatedAt = now, UpdatedAt = now,
};
