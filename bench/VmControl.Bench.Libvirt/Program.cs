using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using VmControl.Bench.Libvirt;
using VmControl.Domain;
using VmControl.Drivers.Libvirt;
using VmControl.Testing;

// Action latency on real guests (qemu:///system, the test guest of scripts/libvirt.sh), begin to end: through
// VmControl (API request to the action's end, through the Durable engine and the driver) against the same libvirt call
// made straight from this program, in the same run; then a power-sync read over 50 real domains.
// Run: source scripts/libvirt.sh && libvirt_up && libvirt_guest; dotnet run -c Release --project bench/VmControl.Bench.Libvirt [rounds]
var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
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
for (var round = 0; round < rounds; round++)
{
    var vmId = await api.CreateActiveVmAsync($"bench-{round}", "tiny", CancellationToken.None);
    var bareId = "vm-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);
    var bareUuid = bare.Define(bareId);
    bare.Run(bareUuid, VmAction.Start);
    foreach (var action in actions)
    {
        // The power button needs a booted guest; both guests wait for theirs alike, outside the timing.
        if (action is VmAction.Stop or VmAction.Suspend)
        {
            await Boots.WaitAsync(paths.Console(vmId));
            await Boots.WaitAsync(paths.Console(bareId));
        }

        // Alternate which goes first, so neither always meets a disk cache or a busy core the other left.
        if (round % 2 == 0)
        {
            viaApi[action].Add(await ApiAction(vmId, action));
            direct[action].Add(bare.Run(bareUuid, action));
        }
        else
        {
            direct[action].Add(bare.Run(bareUuid, action));
            viaApi[action].Add(await ApiAction(vmId, action));
        }
    }

    await api.SendAsync(HttpMethod.Delete, $"/api/vms/{vmId}", null, null, CancellationToken.None);
    await api.WaitVmAsync(vmId, v => v.Str("vmState") == "hard_deleted", CancellationToken.None);
    bare.Delete(bareUuid);
}

Console.WriteLine($"Action latency, begin to end, median of {rounds} (ms); ratio = VmControl / bare libvirt call");
Console.WriteLine($"{"action",-12} {"bare",8} {"vmcontrol",10} {"ratio",7}");
foreach (var action in actions)
{
    var (b, v) = (Stats.Median(direct[action]), Stats.Median(viaApi[action]));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{action.ToWire(),-12} {b,8} {v,10} {(double)v / Math.Max(1, b),7:0.00}"));
}

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
many.ForEach(bare.Delete);
Leftovers.Remove(Prefix);
await AzuriteCleanup.DeleteAsync(identity, CancellationToken.None);
state.Delete(recursive: true);

async Task<long> ApiAction(string vmId, VmAction action)
{
    var clock = Stopwatch.StartNew();
    var actionId = await api.StartActionAsync(vmId, JsonSerializer.Serialize(new { action = action.ToWire() }), CancellationToken.None);
    while ((await api.GetActionAsync(vmId, actionId, CancellationToken.None)).Str("status") == "running")
    {
        await Task.Delay(10);
    }

    return clock.ElapsedMilliseconds;
}
