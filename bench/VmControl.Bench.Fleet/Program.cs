// Fleet operations against single requests, and the tag-filtered listing at scale (docs/benchmarks.md, docs/fleet.md).
// 1. N VMs (simulated driver, 0 ms latency) stopped by N single `stop` requests fired together, against one fleet
//    operation stopping the same N (concurrency N), rounds alternating which goes first; the VMs are started again
//    between sides. Figures: each side's wall time from the first request to the last stop ended, the fleet's
//    acceptance latency, and the throughput ratio fleet / singles.
// 2. The tag-filtered listing over 10,000 and 100,000 VMs of which 100 carry the tag: storage requests, bytes read and
//    time, against a listing that must read every VM (a negative filter alone), in the same run.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.Fleet [vms=1000] [rounds=2] [listingSizes=10000,100000] [connection string]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Azure.Core;
using Azure.Data.Tables;
using VmControl.Application;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Application.Settings;
using VmControl.Bench.Fleet;
using VmControl.Domain;
using VmControl.Durable.Sidecar;
using VmControl.Hosting;
using VmControl.Http;
using VmControl.Http.Identity;
using VmControl.Storage;

var n = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1000;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2;
var sizes = (args.Length > 2 ? args[2] : "10000,100000").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var storage = args.Length > 3 ? args[3] : "UseDevelopmentStorage=true";
var hub = "Fleet" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
var port = FreePort();
Console.WriteLine($"VmControl fleet benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, Azurite on 127.0.0.1");

if (n > 0 && rounds > 0)
{
    await FleetAgainstSinglesAsync();
}

foreach (var size in sizes)
{
    await ListingAsync(size);
}

return;

async Task FleetAgainstSinglesAsync()
{
    using var quiet = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
    await using var sidecar = await DurableSidecar.StartAsync(new DurableEngineOptions { HubName = hub, WorkerId = hub, StorageConnectionString = storage }, quiet);
    var builder = WebApplication.CreateBuilder();
    builder.Logging.ClearProviders();
    builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
    builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
    var key = ApiKeys.NewKey();
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Auth:ApiKeys:0:Name"] = "bench",
        ["Auth:ApiKeys:0:Role"] = "admin",
        ["Auth:ApiKeys:0:Hash"] = ApiKeys.HashOf(key),

        // The rate budget (1,250 starts an hour by default) would pace the fleet after its first 1,250 VMs, and the
        // rounds start several thousand: the bench measures the engine's fan-out, not the provider's limit.
        ["RateBudget:Capacity"] = "1000000",
    });
    builder.Services.AddVmControlInfrastructure(new InfrastructureOptions { StorageConnectionString = storage, TablePrefix = hub });
    builder.Services.BindVmControlSettings(builder.Configuration);
    builder.Services.AddVmControlApplication();
    builder.Services.AddDurableEngine(sidecar);
    builder.Services.AddVmControlHttp();
    await using var app = builder.Build();
    app.MapVmControlApi();
    await app.StartAsync();
    var vms = app.Services.GetRequiredService<IVmStore>();
    using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromMinutes(5) };
    http.DefaultRequestHeaders.Add(ApiKeys.Header, key);

    var ids = new List<string>();
    for (var i = 0; i < n; i += 50)
    {
        ids.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(50, n - i)).Select(_ => CreateVmAsync(http))));
    }

    await WaitNoTaskAsync(vms, TaskState.Spawning);
    Console.WriteLine($"fleet vs singles: {n} VMs created and active");

    // Warm-up: both paths once on a few VMs, so neither pays JIT in the rounds.
    await Task.WhenAll(ids.Take(5).Select(id => http.PostAsJsonAsync($"/api/vms/{id}/actions", new { action = "reboot" })));
    await WaitNoTaskAsync(vms, TaskState.Rebooting);
    await RunFleetAsync(http, "reboot", new { vmIds = ids.Take(5).ToArray() });

    var singles = new List<double>();
    var fleets = new List<double>();
    var accepts = new List<double>();
    for (var round = 0; round < rounds; round++)
    {
        foreach (var side in round % 2 == 0 ? new[] { "singles", "fleet" } : ["fleet", "singles"])
        {
            if (side == "singles")
            {
                var sw = Stopwatch.StartNew();
                var answers = await Task.WhenAll(ids.Select(id => http.PostAsJsonAsync($"/api/vms/{id}/actions", new { action = "stop" })));
                var refused = answers.Count(a => a.StatusCode != HttpStatusCode.Accepted);
                await WaitNoTaskAsync(vms, TaskState.PoweringOff);
                singles.Add(sw.Elapsed.TotalSeconds);
                Console.WriteLine(Invariant($"  round {round + 1}: {n} single stops in {sw.Elapsed.TotalSeconds:F1} s ({refused} not accepted)"));
            }
            else
            {
                var (seconds, accept, counts) = await RunFleetAsync(http, "stop", new { selector = new { tags = new[] { "bench=fleet" } } });
                fleets.Add(seconds);
                accepts.Add(accept);
                Console.WriteLine(Invariant($"  round {round + 1}: fleet stop of {n} in {seconds:F1} s, accepted in {accept:F0} ms ({counts})"));
            }

            // Start them all again for the other side, unmeasured.
            await RunFleetAsync(http, "start", new { selector = new { tags = new[] { "bench=fleet" } } });
        }
    }

    var singleRate = n / Median(singles);
    var fleetRate = n / Median(fleets);
    Console.WriteLine(Invariant($"fleet vs singles, {n} VMs, {rounds} rounds, medians: singles {Median(singles):F1} s ({singleRate:F1} stops/s), fleet {Median(fleets):F1} s ({fleetRate:F1} stops/s)"));
    Console.WriteLine(Invariant($"  throughput ratio fleet / singles {fleetRate / singleRate:F2}x (goal >= 1.0x); fleet accepted in {Median(accepts):F0} ms median, {accepts.Max():F0} ms max (goal < 1 s)"));
    await app.StopAsync();

    // The task hub is left to the (in-memory) Azurite: deleting it under the running sidecar only makes it complain.
    await new StorageTables(TableServiceClientFactory.Create(new TableStorageOptions { ConnectionString = storage, TablePrefix = hub }), new TableStorageOptions { TablePrefix = hub })
        .DeleteTablesAsync();
}

async Task<(double Seconds, double AcceptMs, string Counts)> RunFleetAsync(HttpClient http, string action, object target)
{
    var sw = Stopwatch.StartNew();
    var response = await http.PostAsJsonAsync("/api/fleet-operations", new { action, target, concurrency = 1000 });
    var accept = sw.Elapsed.TotalMilliseconds;
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"fleet {action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    var location = response.Headers.GetValues("Operation-Location").Single();
    while (true)
    {
        using var doc = JsonDocument.Parse(await http.GetStringAsync(location));
        var status = doc.RootElement.GetProperty("status").GetString();
        if (status is not ("pending" or "running"))
        {
            var counts = string.Join(", ", doc.RootElement.GetProperty("counts").EnumerateObject().Where(p => p.Value.GetInt32() > 0).Select(p => $"{p.Name} {p.Value.GetInt32()}"));
            return (sw.Elapsed.TotalSeconds, accept, $"{status}: {counts}");
        }

        await Task.Delay(100);
    }
}

async Task ListingAsync(int size)
{
    const int Tagged = 100;
    var counter = new CountingPolicy();
    var options = new TableStorageOptions { ConnectionString = storage, TablePrefix = "List" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8] };
    var clientOptions = new TableClientOptions();
    clientOptions.AddPolicy(counter, HttpPipelinePosition.PerCall);
    var tables = new StorageTables(new TableServiceClient(storage, clientOptions), options);
    await tables.EnsureTablesAsync();
    var store = new TableVmStore(tables, OutboxWriter.Disabled);
    var sw = Stopwatch.StartNew();
    await Parallel.ForEachAsync(Enumerable.Range(0, size), new ParallelOptions { MaxDegreeOfParallelism = 32 }, async (i, ct) =>
    {
        var tags = i % (size / Tagged) == 0 ? new Dictionary<string, string> { ["pick"] = "yes" } : new Dictionary<string, string>();
        var now = DateTimeOffset.UtcNow;
        await store.CreateAsync(new VmRecord { Id = VmIds.New(), Name = $"vm-{i}", Size = "small", Image = "ubuntu", Driver = "simulated", Tags = tags, CreatedAt = now, UpdatedAt = now }, ct);
    });
    Console.WriteLine(Invariant($"listing: {size} VMs seeded ({Tagged} tagged pick=yes) in {sw.Elapsed.TotalSeconds:F0} s"));

    var tagged = await ListAllAsync(new TagFilter(["pick=yes"], [], [], []));
    var scanned = await ListAllAsync(new TagFilter([], [], [], ["pick=yes"]));
    Console.WriteLine(Invariant($"  tags=pick=yes (tag index): {tagged.Found} VMs, {tagged.Requests} requests, {tagged.Bytes / 1024.0:F0} KiB read, {tagged.Ms:F0} ms"));
    Console.WriteLine(Invariant($"  not-tags-any=pick=yes (reads every VM): {scanned.Found} VMs, {scanned.Requests} requests, {scanned.Bytes / 1024.0:F0} KiB read, {scanned.Ms:F0} ms"));
    Console.WriteLine(Invariant($"  bytes read, index / every VM: {(double)tagged.Bytes / scanned.Bytes:P2}"));
    await tables.DeleteTablesAsync();

    async Task<(int Found, long Requests, long Bytes, double Ms)> ListAllAsync(TagFilter filter)
    {
        counter.Reset();
        var watch = Stopwatch.StartNew();
        var found = 0;
        string? token = null;
        do
        {
            var page = await store.ListAsync(new VmQuery(Limit: 1000, ContinuationToken: token, Tags: filter));
            found += page.Items.Count;
            token = page.ContinuationToken;
        }
        while (token is not null);

        return (found, counter.Requests, counter.Bytes, watch.Elapsed.TotalMilliseconds);
    }
}

async Task<string> CreateVmAsync(HttpClient http)
{
    var response = await http.PostAsJsonAsync("/api/vms", new { name = "bench", size = "small", image = "ubuntu", tags = new Dictionary<string, string> { ["bench"] = "fleet" } });
    response.EnsureSuccessStatusCode();
    return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
}

static async Task WaitNoTaskAsync(IVmStore vms, TaskState task)
{
    while ((await vms.ListAsync(new VmQuery(TaskState: task, Limit: 1))).Items.Count > 0)
    {
        await Task.Delay(100);
    }
}

static double Median(IReadOnlyList<double> values) => values.Order().ElementAt(values.Count / 2);

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}
