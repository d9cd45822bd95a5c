// Power sync at scale (docs/benchmarks.md): N simulated VMs, 1% drifted; one steady and one drifted pass of the real
// service, against a naive pass (one driver GET and one table write per VM) in the same run, on Azurite.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.PowerSync [N,N,...] [naive in full up to N] [connection string]
//        dotnet run -c Release --project bench/VmControl.Bench.PowerSync cleanup [prefix]   (deletes the tables of a killed run)
using System.Diagnostics;
using System.Globalization;
using VmControl.Bench.PowerSync;

if (args is ["cleanup", ..])
{
    var prefix = args.Length > 1 ? args[1] : Cleanup.Prefix;
    Console.WriteLine($"deleted {await Cleanup.DeleteLeftoversAsync(args.Length > 2 ? args[2] : "UseDevelopmentStorage=true", prefix, CancellationToken.None)} leftover tables");
    return;
}

var sizes = (args.Length > 0 ? args[0] : "1000,10000,100000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var naiveLimit = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var connection = args.Length > 2 ? args[2] : "UseDevelopmentStorage=true";
using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(40));
var ct = cancel.Token;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"power-sync benchmark {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores, naive pass in full up to N={naiveLimit}, else on a 1,000-VM sample"));

var rows = new List<(int N, double Seeding, PassFigures Steady, PassFigures Drifted, PassFigures Naive)>();
foreach (var n in sizes)
{
    var seeding = Stopwatch.StartNew();
    await using var fleet = await BenchFleet.SeedAsync(connection, n, Console.Out, ct);
    var seedSeconds = seeding.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(
        CultureInfo.InvariantCulture,
        $"N={n}: seeded {n} VMs and machines in {seedSeconds:F1} s (machines {fleet.MachineSeedSeconds:F1} s, VM records {fleet.VmSeedSeconds:F1} s)"));

    var steady = await SmartAsync(fleet, "sync steady", n, ct);
    var drifted = fleet.Ids.Take(Math.Max(1, n / 100)).ToList();
    await fleet.DriftAsync(drifted, ct);
    var drift = await SmartAsync(fleet, "sync 1% drifted", n, ct);
    if (drift.TableWrites != drifted.Count)
    {
        Console.WriteLine($"  ! expected {drifted.Count} writes on the drifted pass");
    }

    var sample = n <= naiveLimit ? n : 1000;
    var naive = await NaivePass.RunAsync(fleet, sample, ct);
    if (sample < n)
    {
        var scale = (double)n / sample;
        naive = naive with { Vms = n, DriverReads = n, TableWrites = n, Seconds = naive.Seconds * scale, CpuSeconds = naive.CpuSeconds * scale, Extrapolated = true };
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  naive pass run on {sample} VMs and extrapolated x{scale:F0}"));
    }

    rows.Add((n, seedSeconds, steady, drift, naive));
    Console.WriteLine($"  {steady}");
    Console.WriteLine($"  {drift}");
    Console.WriteLine($"  {naive}");
}

Console.WriteLine();
Console.WriteLine("| N | pass | driver reads | target ≤ ceil(N/1000) | table writes | seconds | s per 1,000 VMs | bench CPU s | naive s | naive/sync time |");
Console.WriteLine("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var (n, _, steady, drifted, naive) in rows)
{
    foreach (var pass in new[] { steady, drifted })
    {
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"| {n:N0} | {pass.Kind} | {pass.DriverReads} | {(n + 999) / 1000} | {pass.TableWrites} | {pass.Seconds:F2} | {pass.Seconds * 1000 / n:F3} | {pass.CpuSeconds:F2} | {naive.Seconds:F1}{(naive.Extrapolated ? " (extrapolated)" : string.Empty)} | {naive.Seconds / pass.Seconds:F0}x |"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {n:N0} | naive | {naive.DriverReads} | | {naive.TableWrites} | {naive.Seconds:F1} | {naive.Seconds * 1000 / n:F3} | {naive.CpuSeconds:F1} | | |"));
}

Console.WriteLine();
foreach (var (n, seedSeconds, _, _, _) in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seeding N={n:N0}: {seedSeconds:F1} s"));
}

static async Task<PassFigures> SmartAsync(BenchFleet fleet, string kind, int n, CancellationToken ct)
{
    fleet.Hypervisor.ResetReadCounts();
    var cpu = Environment.CpuUsage.TotalTime;
    var summary = await fleet.PowerSync.RunPassAsync(ct);
    var cpuSeconds = (Environment.CpuUsage.TotalTime - cpu).TotalSeconds;
    if (summary.Failed || summary.VmsSeen != n)
    {
        throw new InvalidOperationException($"The pass failed or missed VMs: {summary}");
    }

    return new PassFigures(kind, n, fleet.Hypervisor.ReadCount, summary.Writes, summary.DurationMs / 1000.0, cpuSeconds);
}
