// Action overhead and throughput: an accepted `stop` over HTTP until its action is `succeeded` (simulated driver,
// 0 ms latency), against a bare one-activity orchestration on the same engine and Azurite, side by side in one run.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.Actions [latencySamples=40] [throughputVms=1000] [connection string]
// BENCH_TELEMETRY=1 adds the hosts' OpenTelemetry set-up (no exporter) to the run. The latency samples also run every
// action a second time through the same routes with authorization taken out, for the cost of authentication.
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using VmControl.Application;
using VmControl.Application.Model;
using VmControl.Application.Ports;
using VmControl.Bench.Actions;
using VmControl.Domain;
using VmControl.Http;
using VmControl.Http.Identity;
using VmControl.Hosting;
using VmControl.Hosting.Telemetry;
using VmControl.Durable.Sidecar;

var samples = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 40;
var fleet = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
var storage = args.Length > 2 ? args[2] : "UseDevelopmentStorage=true";

// Which side of the throughput run to measure (both by default); one side alone lets a request log of Azurite
// (--debug) count the storage calls of each side.
var sides = Environment.GetEnvironmentVariable("BENCH_THROUGHPUT") ?? "both";
var hub = "Bench" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray())[..8];
var port = FreePort();

using var quiet = LoggerFactory.Create(l => l.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
await using var sidecar = await DurableSidecar.StartAsync(new DurableEngineOptions { HubName = hub, WorkerId = hub, StorageConnectionString = storage }, quiet);
var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();

// Warnings and errors only (a lost start, a released claim), so a run that goes wrong says why.
builder.Logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning);
builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
var benchKey = ApiKeys.NewKey();
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["Auth:ApiKeys:0:Name"] = "bench",
    ["Auth:ApiKeys:0:Role"] = "admin",
    ["Auth:ApiKeys:0:Project"] = Projects.Default,
    ["Auth:ApiKeys:0:Hash"] = ApiKeys.HashOf(benchKey),
});
builder.Services.AddVmControlInfrastructure(new InfrastructureOptions { StorageConnectionString = storage, TablePrefix = hub });

// BENCH_TELEMETRY=1: the LocalHost's OpenTelemetry set-up (spans and meters made, no exporter), for both paths alike.
var telemetry = Environment.GetEnvironmentVariable("BENCH_TELEMETRY") == "1";
if (telemetry)
{
    builder.Services.AddVmControlTelemetry(new TelemetryOptions());
}

builder.Services.AddVmControlApplication();
builder.Services.AddDurableEngine(sidecar, r => r.AddOrchestrator<BareOrchestrator>().AddActivity<BareActivity>());
builder.Services.AddVmControlHttp();
await using var app = builder.Build();
app.MapVmControlApi();
app.MapApiWithoutAuthorization("/open");
await app.StartAsync();

var client = app.Services.GetRequiredService<DurableTaskClient>();
var vms = app.Services.GetRequiredService<IVmStore>();
using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
http.DefaultRequestHeaders.Add(ApiKeys.Header, benchKey);
var poll = TimeSpan.FromMilliseconds(10);

Console.WriteLine($"VmControl action benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, Azurite on 127.0.0.1, telemetry {(telemetry ? "on" : "off")}");

// Warm-up: both paths once, so neither pays JIT or table creation in the samples.
// A few VMs taken in turn: each request then finds the VM's previous orchestration ended, as most requests do; the
// same-VM back-to-back case (which waits for the previous instance to end) is measured separately below.
var pool = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateVmAsync()));
var openPool = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => CreateVmAsync()));
var vm = pool[0];
await BareAsync("warm");
await ActionAsync(vm, "stop");
await ActionAsync(vm, "start");
await ActionAsync(openPool[0], "stop", "/open");
await ActionAsync(openPool[0], "start", "/open");

var bare = new List<double>();
var ours = new List<double>();
var open = new List<double>();
for (var i = 0; i < samples; i++)
{
    var action = (i / pool.Length) % 2 == 0 ? "stop" : "start";
    bare.Add(await BareAsync($"bare-{i}"));
    ours.Add(await ActionAsync(pool[i % pool.Length], action));
    open.Add(await ActionAsync(openPool[i % openPool.Length], action, "/open"));
}

var backToBack = new List<double>();
for (var i = 0; i < samples; i++)
{
    // From whatever state the interleaved samples left the VM in (any sample count works).
    var stopped = (await vms.GetAsync(vm))!.VmState == VmState.Stopped;
    backToBack.Add(await ActionAsync(vm, stopped ? "start" : "stop"));
}

if (samples > 0)
{
    Console.WriteLine($"latency, {samples} samples each, interleaved, client polling every {poll.TotalMilliseconds} ms:");
    Console.WriteLine($"  bare one-activity orchestration: p50 {Stats.Ms(Stats.Percentile(bare, 50))}  p95 {Stats.Ms(Stats.Percentile(bare, 95))}");
    Console.WriteLine($"  VmControl stop/start over HTTP:  p50 {Stats.Ms(Stats.Percentile(ours, 50))}  p95 {Stats.Ms(Stats.Percentile(ours, 95))}");
    Console.WriteLine($"  same VM back to back:            p50 {Stats.Ms(Stats.Percentile(backToBack, 50))}  p95 {Stats.Ms(Stats.Percentile(backToBack, 95))} (waits for the previous task's instance to end)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  ratio: p50 {Stats.Percentile(ours, 50) / Stats.Percentile(bare, 50):F2}x  p95 {Stats.Percentile(ours, 95) / Stats.Percentile(bare, 95):F2}x (goal <= 1.5x)"));
    Console.WriteLine($"  same routes, authorization taken out: p50 {Stats.Ms(Stats.Percentile(open, 50))}  p95 {Stats.Ms(Stats.Percentile(open, 95))}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  authentication on/off: p50 {Stats.Percentile(ours, 50) / Stats.Percentile(open, 50):F2}x  p95 {Stats.Percentile(ours, 95) / Stats.Percentile(open, 95):F2}x (goal <= 1.05x)"));
}

if (fleet > 0)
{
    var ids = new List<string>();
    for (var i = 0; i < fleet; i += 50)
    {
        ids.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(50, fleet - i)).Select(_ => CreateVmAsync())));
    }

    Console.WriteLine($"throughput: {fleet} VMs created and active at {DateTime.UtcNow:HH:mm:ss.fff}");
    var sw = Stopwatch.StartNew();
    await Task.WhenAll(Enumerable.Range(0, sides is "both" or "bare" ? fleet : 0).Select(i => client.ScheduleNewOrchestrationInstanceAsync(
        nameof(BareOrchestrator), "x", new Microsoft.DurableTask.StartOrchestrationOptions($"tp-{i}"))));
    while (await CountAsync("tp-") > 0)
    {
        await Task.Delay(100);
    }

    var bareRate = fleet / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {fleet} bare orchestrations completed in {sw.Elapsed.TotalSeconds:F1} s, at {DateTime.UtcNow:HH:mm:ss.fff}"));
    sw.Restart();
    var accepted = await Task.WhenAll(ids.Where(_ => sides is "both" or "ours").Select(id => http.PostAsJsonAsync($"/api/vms/{id}/actions", new { action = "stop" })));
    var refused = accepted.Count(r => r.StatusCode != HttpStatusCode.Accepted);
    foreach (var group in accepted.Where(r => r.StatusCode != HttpStatusCode.Accepted).GroupBy(r => (int)r.StatusCode))
    {
        Console.WriteLine($"throughput: {group.Count()} answered {group.Key}: {await group.First().Content.ReadAsStringAsync()}");
    }

    while ((await vms.ListAsync(new VmQuery(TaskState: TaskState.PoweringOff, Limit: 1))).Items.Count > 0)
    {
        await Task.Delay(100);
    }

    var oursRate = (fleet - refused) / sw.Elapsed.TotalSeconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"throughput: {fleet - refused} stops completed in {sw.Elapsed.TotalSeconds:F1} s, at {DateTime.UtcNow:HH:mm:ss.fff}"));
    Console.WriteLine($"throughput, {fleet} fired together (completion seen by polling every 100 ms), {refused} not accepted:");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  bare orchestrations: {bareRate:F1}/s   VmControl stops: {oursRate:F1}/s   ratio {oursRate / bareRate:F2}x (goal >= 0.8x)"));
}

await app.StopAsync();
await sidecar.Service.DeleteAsync();
return;

async Task<string> CreateVmAsync()
{
    var response = await http.PostAsJsonAsync("/api/vms", new { name = "bench", size = "small", image = "ubuntu" });
    response.EnsureSuccessStatusCode();
    var id = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
    while ((await vms.GetAsync(id))!.TaskState is not null)
    {
        await Task.Delay(poll);
    }

    return id;
}

async Task<double> BareAsync(string id)
{
    var sw = Stopwatch.StartNew();
    await client.ScheduleNewOrchestrationInstanceAsync(nameof(BareOrchestrator), "x", new Microsoft.DurableTask.StartOrchestrationOptions(id));
    while ((await client.GetInstanceAsync(id))?.RuntimeStatus != OrchestrationRuntimeStatus.Completed)
    {
        await Task.Delay(poll);
    }

    return sw.Elapsed.TotalMilliseconds;
}

async Task<double> ActionAsync(string id, string action, string prefix = "")
{
    var sw = Stopwatch.StartNew();
    var response = await http.PostAsJsonAsync($"{prefix}/api/vms/{id}/actions", new { action });
    if (response.StatusCode != HttpStatusCode.Accepted)
    {
        throw new InvalidOperationException($"{action} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    var operation = prefix + response.Headers.GetValues("Operation-Location").Single();
    while (true)
    {
        var status = JsonDocument.Parse(await http.GetStringAsync(operation)).RootElement.GetProperty("status").GetString();
        if (status != "running")
        {
            return status == "succeeded" ? sw.Elapsed.TotalMilliseconds : throw new InvalidOperationException($"{action} ended {status}");
        }

        await Task.Delay(poll);
    }
}

async Task<int> CountAsync(string prefix)
{
    var query = new OrchestrationQuery
    {
        InstanceIdPrefix = prefix,
        Statuses = [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running],
        PageSize = 1,
    };
    await foreach (var _ in client.GetAllInstancesAsync(query))
    {
        return 1;
    }

    return 0;
}

static int FreePort()
{
    using var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    return ((IPEndPoint)probe.LocalEndpoint).Port;
}
