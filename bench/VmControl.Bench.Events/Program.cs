// Event delivery: the latency from the state write to a webhook receiver on 127.0.0.1 (p50/p95), and the action
// throughput of a LocalHost with events on (delivering to that receiver) against one with events off, in one run:
// both hosts run side by side on the same Azurite and the rounds alternate between them.
// Usage: dotnet run -c Release --project bench/VmControl.Bench.Events [vmsPerHost=50] [rounds=4]
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using VmControl.Testing;

var vmCount = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50;
var rounds = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 4;
using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
var ct = timeout.Token;
string[] quiet = ["--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:Microsoft.DurableTask.Sidecar=Error"];

await using var receiver = await WebhookReceiver.StartAsync(ct);
await using var on = await LocalHostProcess.StartAsync(LocalHostIdentity.New("BenchEvOn"), quiet, ct);
await using var off = await LocalHostProcess.StartAsync(LocalHostIdentity.New("BenchEvOff"), [.. quiet, "--Events:Enabled=false"], ct);
using var apiOn = new ApiClient(on.BaseAddress, TimeSpan.FromMinutes(5));
using var apiOff = new ApiClient(off.BaseAddress, TimeSpan.FromMinutes(5));

var subscription = await apiOn.PostAsync(
    "/api/event-subscriptions", JsonSerializer.Serialize(new { url = receiver.Url, secret = WebhookReceiver.Secret }), ct);
ApiClient.Expect(subscription, HttpStatusCode.Created);

Console.WriteLine($"VmControl event benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, Azurite on 127.0.0.1, {vmCount} VMs per host, {rounds} rounds of stop+start each");
var vmsOn = await CreateAsync(apiOn, "on");
var vmsOff = await CreateAsync(apiOff, "off");
var arrivedBefore = receiver.Received.Count;

var rateOn = new List<double>();
var rateOff = new List<double>();
for (var round = 0; round < rounds; round++)
{
    // The order alternates, so neither side always runs on a machine still busy with the other's tail.
    if (round % 2 == 0)
    {
        rateOn.Add(await RoundAsync(apiOn, vmsOn));
        rateOff.Add(await RoundAsync(apiOff, vmsOff));
    }
    else
    {
        rateOff.Add(await RoundAsync(apiOff, vmsOff));
        rateOn.Add(await RoundAsync(apiOn, vmsOn));
    }
}

// Each action publishes accepted, started, succeeded and a state change at least; wait for the tail to arrive.
var expected = arrivedBefore + (rounds * 2 * vmCount * 4);
var wait = Stopwatch.StartNew();
while (receiver.Received.Count < expected && wait.Elapsed < TimeSpan.FromSeconds(60))
{
    await Task.Delay(200, ct);
}

var latencies = receiver.Received.Skip(arrivedBefore).Select(e => (e.ArrivedAt - e.Time).TotalMilliseconds).ToList();
var (on50, off50) = (Median(rateOn), Median(rateOff));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"throughput (actions/s, median of {rounds} rounds): events on {on50:F1}, events off {off50:F1}, ratio {on50 / off50:F2}x (goal >= 0.8x)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  rounds on: {string.Join(", ", rateOn.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}; off: {string.Join(", ", rateOff.Select(r => r.ToString("F1", CultureInfo.InvariantCulture)))}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"delivery latency, state write to receiver, {latencies.Count} events: p50 {Percentile(latencies, 50):F1} ms, p95 {Percentile(latencies, 95):F1} ms, max {latencies.DefaultIfEmpty().Max():F1} ms (goal p50 < 1000 ms)"));
Console.WriteLine($"receiver: {receiver.Received.Count} events, {receiver.TotalAttempts} attempts, {receiver.BadSignatures} bad signatures");
return receiver.BadSignatures == 0 && latencies.Count > 0 ? 0 : 1;

async Task<string[]> CreateAsync(ApiClient api, string name)
{
    var ids = new List<string>();
    for (var i = 0; i < vmCount; i += 25)
    {
        ids.AddRange(await Task.WhenAll(Enumerable.Range(i, Math.Min(25, vmCount - i)).Select(n => api.CreateActiveVmAsync($"{name}-{n}", "ubuntu-24.04", ct))));
    }

    return [.. ids];
}

// Every VM stopped, then started, all requests fired together; actions per second from the first request to the last end.
async Task<double> RoundAsync(ApiClient api, string[] vms)
{
    var clock = Stopwatch.StartNew();
    foreach (var action in new[] { "stop", "start" })
    {
        var ids = await Task.WhenAll(vms.Select(vm => api.StartActionAsync(vm, new { action }, ct)));
        await Task.WhenAll(vms.Zip(ids).Select(p => api.WaitActionEndedAsync(p.First, p.Second, ct)));
    }

    return vms.Length * 2 / clock.Elapsed.TotalSeconds;
}

static double Median(List<double> values) => Percentile(values, 50);

static double Percentile(IReadOnlyList<double> samples, double p)
{
    if (samples.Count == 0)
    {
        return double.NaN;
    }

    var sorted = samples.Order().ToArray();
    return sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
}
