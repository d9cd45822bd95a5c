using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VmControl.Bench.Libvirt;
using VmControl.Domain;
using VmControl.Drivers.Libvirt;
using VmControl.Testing;

// Action latency on real guests (qemu:///system, the test guest of scripts/libvirt.sh), begin to end: through
// VmControl (API request to the action's end, through the Durable engine and the driver) against the same libvirt call
// made straight from this program, in the same run; then how long an out-of-band destroy or crash takes to reach
// powerState; then a power-sync read over 50 real domains.
// Run: source scripts/libvirt.sh && libvirt_up && libvirt_guest
//      dotnet run -c Release --project bench/VmControl.Bench.Libvirt [rounds (7)] [out-of-band samples (10)] [API poll ms (10)]
// Quiet on purpose: a warm-up round that is not counted; before every timed call each running guest has finished
// booting (an emulated boot takes a core for seconds); which side goes first alternates per action and round; medians.
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 7;
var outOfBandSamples = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10;
var pollMs = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
const string Prefix = "vmcbench-";
var state = Directory.CreateTempSubdirectory("vmcontrol-bench-libvirt-");
if (!OperatingSystem.IsWindows())
{
    // QEMU runs as libvirt-qemu and must reach the disks and console logs in here.
    File.SetUnixFileMode(state.FullName, (UnixFileMode)0b111_101_101);
}

string Guest(string file) => RepoPaths.PathOf(".tools", "guest", file);
var options = new LibvirtDriverOptions
{
    NamePrefix = Prefix,
    StateFolder = state.FullName,
    ImagesFolder = Path.Combine(state.FullName, "images"),
    Images = { ["tiny"] = new LibvirtImage { Disk = Guest("base.qcow2"), Kernel = Guest("vmlinuz"), Initrd = Guest("initrd.img") } },
    Sizes = { ["small"] = new LibvirtSize { Vcpus = 1, MemoryMiB = 128 } },
};
Leftovers.Remove(Prefix);
Console.WriteLine($"Before: {Quiet.Describe(Prefix)}");

string[] arguments =
[
    "--Driver=libvirt", $"--Libvirt:NamePrefix={Prefix}", $"--Libvirt:StateFolder={options.StateFolder}",
    $"--Libvirt:ImagesFolder={options.ImagesFolder}", $"--Libvirt:Images:tiny:Disk={Guest("base.qcow2")}",
    $"--Libvirt:Images:tiny:Kernel={Guest("vmlinuz")}", $"--Libvirt:Images:tiny:Initrd={Guest("initrd.img")}",
    "--Libvirt:Sizes:small:Vcpus=1", "--Libvirt:Sizes:small:MemoryMiB=128", "--PowerSync:Interval=00:10:00",
    "--Logging:LogLevel:Default=Warning",
];
var identity = LocalHostIdentity.New("LvBench");
await using var host = await LocalHostProcess.StartAsync(identity, arguments, CancellationToken.None);
using var api = new ApiClient(host.BaseAddress, TimeSpan.FromSeconds(120));
using var bare = Bare.Open(options);
var paths = new LibvirtPaths(options);

// Resume last: a guest restored from its managed save under emulation sometimes ran its clock slowly and let a reset or
// the power button go unanswered, so nothing that needs the guest's answer follows it.
VmAction[] actions = [VmAction.Pause, VmAction.Unpause, VmAction.RebootHard, VmAction.Stop, VmAction.Start, VmAction.Suspend, VmAction.Resume];
var viaApi = actions.ToDictionary(a => a, _ => new List<long>());
var direct = actions.ToDictionary(a => a, _ => new List<long>());
var pairRatios = actions.ToDictionary(a => a, _ => new List<double>());
var breakdowns = actions.ToDictionary(a => a, _ => new List<Breakdown>());

// Round -1 warms up (the host's first tasks compile and open their connections) and is not counted.
for (var round = -1; round < rounds; round++)
{
    var vmId = await api.CreateActiveVmAsync($"bench-{round + 1}", "tiny", CancellationToken.None);
    var bareId = "vm-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
    var bareUuid = bare.Define(bareId);
    bare.Run(bareUuid, VmAction.Start);
    for (var i = 0; i < actions.Length; i++)
    {
        var action = actions[i];
        await Quiet.WaitAsync(bare.Connection, paths, vmId, bareId);
        long ours = 0, theirs = 0;
        Breakdown? breakdown = null;
        foreach (var apiSide in (round + i) % 2 == 0 ? new[] { true, false } : [false, true])
        {
            var console = paths.Console(apiSide ? vmId : bareId);
            var boot = Boots.Latest(console);
            if (apiSide)
            {
                (ours, breakdown) = await ApiAction(vmId, action);
            }
            else
            {
                theirs = bare.Run(bareUuid, action);
            }

            // A guest that just booted takes a core until it is up: the other side waits for it, untimed.
            if (action is VmAction.Start or VmAction.RebootHard)
            {
                await Boots.WaitAsync(console, notBoot: boot);
            }
        }

        if (round >= 0)
        {
            viaApi[action].Add(ours);
            direct[action].Add(theirs);
            pairRatios[action].Add((double)ours / Math.Max(1, theirs));
            breakdowns[action].Add(breakdown!);
        }
    }

    await api.SendAsync(HttpMethod.Delete, $"/api/vms/{vmId}", null, null, CancellationToken.None);
    await api.WaitVmAsync(vmId, v => v.Str("vmState") == "hard_deleted", CancellationToken.None);
    bare.Delete(bareUuid);
}

Console.WriteLine($"Action latency, begin to end, median of {rounds} rounds after a warm-up (ms); ratio = VmControl / bare libvirt call");
Console.WriteLine("(paired = median of each round's own ratio; VmControl's time split by its action record: dispatch = request to begin step, driver = the driver's begin, rest = request in, end writes, bench seeing the end)");
Console.WriteLine($"{"action",-12} {"bare",6} {"(min-max)",11} {"vmcontrol",9} {"(min-max)",11} {"ratio",6} {"paired",6} {"dispatch",8} {"driver",6} {"rest",6}");
foreach (var action in actions)
{
    var (b, v) = (Stats.Median(direct[action]), Stats.Median(viaApi[action]));
    var parts = breakdowns[action];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{action.ToWire(),-12} {b,6} {Stats.Spread(direct[action]),11} {v,9} {Stats.Spread(viaApi[action]),11} {(double)v / Math.Max(1, b),6:0.00} {Stats.Median(pairRatios[action]),6:0.00} {Stats.Median(parts.Select(p => p.Dispatch).ToList()),8} {Stats.Median(parts.Select(p => p.Driver).ToList()),6} {Stats.Median(parts.Select(p => p.Rest).ToList()),6}"));
}

var (driverStarts, bareStarts) = await DriverAlone.MeasureStartAsync(bare, options, paths, Math.Max(3, rounds));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"start, the driver alone in this process against the bare call (ms, median (min-max)): driver {Stats.Median(driverStarts)} ({Stats.Spread(driverStarts)}), bare {Stats.Median(bareStarts)} ({Stats.Spread(bareStarts)}), ratio {(double)Stats.Median(driverStarts) / Math.Max(1, Stats.Median(bareStarts)):0.00}"));

// Out of band: destroy and crash reaching powerState through lifecycle events (no timer pass runs).
var target = await api.CreateActiveVmAsync("bench-oob", "tiny", CancellationToken.None);
using (var eventClock = await EventClock.StartAsync(options))
{
    var outOfBand = new OutOfBand(api, bare, paths, eventClock);
    await outOfBand.MeasureAsync(target, outOfBandSamples);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Out-of-band change to powerState (ms, median (min-max)): destroy {Stats.Median(outOfBand.Destroyed)} ({Stats.Spread(outOfBand.Destroyed)}) over {outOfBand.Destroyed.Count}, QEMU killed {Stats.Median(outOfBand.Crashed)} ({Stats.Spread(outOfBand.Crashed)}) over {outOfBand.Crashed.Count}"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"  of which libvirt (change to its event reaching a client) {Stats.Median(outOfBand.UntilEvent)} ({Stats.Spread(outOfBand.UntilEvent)}), VmControl (event to powerState in the API) {Stats.Median(outOfBand.AfterEvent)} ({Stats.Spread(outOfBand.AfterEvent)})"));
}

await api.SendAsync(HttpMethod.Delete, $"/api/vms/{target}", null, null, CancellationToken.None);
await api.WaitVmAsync(target, v => v.Str("vmState") == "hard_deleted", CancellationToken.None);

// Power sync over 50 real domains (defined, shut off): the driver's one-call read against the bare list, and a whole pass.
var many = Enumerable.Range(0, 50).Select(_ => bare.Define("vm-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]))).ToList();
using var events = new LibvirtPowerEvents();
using var driver = new LibvirtDriver(options, events);
await driver.ListPowerStatesAsync(null);
bare.ListAll();
var bareList = Enumerable.Range(0, 10).Select(_ => Stats.Time(() => bare.ListAll())).ToList();
var driverList = new List<long>();
for (var i = 0; i < 10; i++)
{
    var clock = Stopwatch.StartNew();
    await driver.ListPowerStatesAsync(null);
    driverList.Add(clock.ElapsedMilliseconds);
}

var passes = new List<long>();
for (var i = 0; i < 5; i++)
{
    var pass = await api.PowerSyncAsync(CancellationToken.None);
    passes.Add(pass.GetProperty("durationMs").GetInt64());
}

var domains = bare.ListAll();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Power read of {domains} domains: bare {Stats.Median(bareList)} ms, driver {Stats.Median(driverList)} ms (ratio {(double)Stats.Median(driverList) / Math.Max(1, Stats.Median(bareList)):0.00}); whole power-sync pass {Stats.Median(passes)} ms"));
Console.WriteLine($"After: {Quiet.Describe(Prefix)}");
many.ForEach(bare.Delete);
Leftovers.Remove(Prefix);
await AzuriteCleanup.DeleteAsync(identity, CancellationToken.None);
state.Delete(recursive: true);

async Task<(long Ms, Breakdown Parts)> ApiAction(string vmId, VmAction action)
{
    var clock = Stopwatch.StartNew();
    var actionId = await api.StartActionAsync(vmId, JsonSerializer.Serialize(new { action = action.ToWire() }), CancellationToken.None);
    JsonElement record;
    while ((record = await api.GetActionAsync(vmId, actionId, CancellationToken.None)).Str("status") == "running")
    {
        await Task.Delay(pollMs);
    }

    var ms = clock.ElapsedMilliseconds;
    return record.Str("status") == "succeeded"
        ? (ms, Breakdown.Of(record, ms))
        : throw new InvalidOperationException($"{action.ToWire()} on {vmId} ended {record.Str("status")}: {record}");
}
