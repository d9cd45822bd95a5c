// Claim-and-release (the lifecycle's task lock: claim by ETag, then a write that checks the task is still ours and
// clears it) against a plain upsert of the same entity, on Azurite, in one run so both see the same machine load.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.Storage [N] [connection string]
using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Domain;
using VmControl.Storage;

var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
var options = new TableStorageOptions
{
    ConnectionString = args.Length > 1 ? args[1] : "UseDevelopmentStorage=true",
    TablePrefix = "Bench" + Guid.NewGuid().ToString("N")[..10],
};
var tables = new StorageTables(TableServiceClientFactory.Create(options), options);
await tables.EnsureTablesAsync();
try
{
    IVmStore store = new TableVmStore(tables);
    var now = DateTimeOffset.UtcNow;
    var vm = await store.CreateAsync(new VmRecord
    {
        Id = VmIds.New(), Name = "bench", Size = "Standard_B2s", Image = "ubuntu-24.04", Driver = "simulated",
        VmState = VmState.Active, PowerState = PowerState.Running, CreatedAt = now, UpdatedAt = now,
    });

    async Task ClaimAndReleaseAsync()
    {
        var actionId = ActionIds.New(DateTimeOffset.UtcNow);
        var claimed = await new TaskLock(store).TryClaimAsync(vm, TaskState.Rebooting, actionId, DateTimeOffset.UtcNow, deadline: null)
            ?? throw new InvalidOperationException("claim lost with no competitor");
        vm = await new TaskLock(store).UpdateIfHeldAsync(vm.Id, TaskState.Rebooting, actionId, r => r with { TaskState = null, UpdatedAt = DateTimeOffset.UtcNow })
            ?? throw new InvalidOperationException("release lost with no competitor");
        _ = claimed;
    }

    Task UpsertAsync() =>
        tables.Vms.UpsertEntityAsync(VmEntity.ToEntity(vm with { UpdatedAt = DateTimeOffset.UtcNow }), TableUpdateMode.Replace);

    async Task RefreshAsync() => vm = (await store.GetAsync(vm.Id))!;

    // Warm-up: JIT, connection pool, Azurite's first-touch costs.
    for (var i = 0; i < 20; i++)
    {
        await ClaimAndReleaseAsync();
        await UpsertAsync();
        await RefreshAsync();
    }

    var claims = new double[n];
    var upserts = new double[n];
    for (var i = 0; i < n; i++)
    {
        // Interleaved so drift in machine load (other agents, Azurite's GC) falls on both series alike.
        var start = Stopwatch.GetTimestamp();
        await ClaimAndReleaseAsync();
        claims[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        start = Stopwatch.GetTimestamp();
        await UpsertAsync();
        upserts[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;

        await RefreshAsync(); // the upsert moved the ETag on; the next claim starts from a fresh read, as a request would
    }

    var (c50, c95) = (Percentile(claims, 0.50), Percentile(claims, 0.95));
    var (u50, u95) = (Percentile(upserts, 0.50), Percentile(upserts, 0.95));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"samples: {n} of each, interleaved, sequential, Azurite ({options.ConnectionString})"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claim+release (replace by ETag; get + replace by ETag): p50 {c50:F2} ms  p95 {c95:F2} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"plain upsert (replace, no ETag):                         p50 {u50:F2} ms  p95 {u95:F2} ms"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio claim+release / upsert: p50 {c50 / u50:F2}x  p95 {c95 / u95:F2}x (a cycle is 3 storage calls, the upsert 1)"));
}
finally
{
    await tables.DeleteTablesAsync();
}

static double Percentile(double[] samples, double p)
{
    var sorted = samples.Order().ToArray();
    var rank = (int)Math.Ceiling(p * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}
