namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// One LocalHost on <c>Driver=libvirt</c> against <c>qemu:///system</c>, booting the test guest of scripts/libvirt.sh.
/// libvirt not answering or the guest not built is a failure, never a skip: test.sh sets both up. The power-sync timer
/// is off (10 min), so a power change that arrives came through lifecycle events (or a pass a test asked for).
/// </summary>
public sealed class LibvirtHostFixture : IAsyncLifetime
{
    /// <summary>Every domain the tests make starts with this; leftovers of a failed run are removed at the next start.</summary>
    public const string Prefix = "vmctest-";

    private readonly DirectoryInfo state = Directory.CreateTempSubdirectory("vmcontrol-libvirt-");
    private LocalHostProcess? host;
    private ApiClient? api;

    public LocalHostIdentity Identity { get; } = LocalHostIdentity.New("Lv");

    public ApiClient Api => api ?? throw new InvalidOperationException("The fixture has not started.");

    public LocalHostProcess Host => host ?? throw new InvalidOperationException("The fixture has not started.");

    public static string Guest(string file) => RepoPaths.PathOf(".tools", "guest", file);

    public static string DomainOf(string vmId) => Prefix + vmId;

    public GuestConsole Console(string vmId) => new(Path.Combine(state.FullName, DomainOf(vmId) + ".console.log"));

    public string ImagesFolder => Path.Combine(state.FullName, "images");

    public async Task InitializeAsync()
    {
        var (code, output) = Virsh.Run("version");
        if (code != 0)
        {
            throw new InvalidOperationException($"libvirt does not answer on {Virsh.Uri} (run scripts/libvirt.sh: libvirt_up): {output}");
        }

        foreach (var file in new[] { "vmlinuz", "initrd.img", "slow-initrd.img", "base.qcow2" })
        {
            if (!File.Exists(Guest(file)))
            {
                throw new InvalidOperationException($"The test guest is not built: {Guest(file)} is missing (run scripts/libvirt.sh: libvirt_guest).");
            }
        }

        Virsh.RemoveAll(Prefix);

        // QEMU runs as libvirt-qemu: it must reach the disks and console logs in here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(state.FullName, (UnixFileMode)0b111_101_101);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        host = await LocalHostProcess.StartAsync(Identity, Arguments(), timeout.Token).ConfigureAwait(false);
        api = new ApiClient(host.BaseAddress, TimeSpan.FromSeconds(90));
    }

    public async Task DisposeAsync()
    {
        api?.Dispose();
        if (host is not null)
        {
            await host.DisposeAsync().ConfigureAwait(false);
        }

        Virsh.RemoveAll(Prefix);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await AzuriteCleanup.DeleteAsync(Identity, timeout.Token).ConfigureAwait(false);
        state.Delete(recursive: true);
    }

    private string[] Arguments() =>
    [
        "--Driver=libvirt",
        $"--Libvirt:ConnectionUri={Virsh.Uri}",
        $"--Libvirt:NamePrefix={Prefix}",
        $"--Libvirt:StateFolder={state.FullName}",
        $"--Libvirt:ImagesFolder={ImagesFolder}",
        "--Libvirt:StopTimeout=00:00:10",
        "--Libvirt:SettleWait=00:00:01",
        .. Image("tiny", "initrd.img"),
        .. Image("tiny-slow", "slow-initrd.img"),
        "--Libvirt:Sizes:small:Vcpus=1",
        "--Libvirt:Sizes:small:MemoryMiB=128",
        "--Libvirt:Sizes:medium:Vcpus=2",
        "--Libvirt:Sizes:medium:MemoryMiB=128",
        "--PowerSync:Interval=00:10:00",
        "--PowerSync:MismatchPasses=2",
    ];

    private static string[] Image(string name, string initrd) =>
    [
        $"--Libvirt:Images:{name}:Disk={Guest("base.qcow2")}",
        $"--Libvirt:Images:{name}:Kernel={Guest("vmlinuz")}",
        $"--Libvirt:Images:{name}:Initrd={Guest(initrd)}",
    ];
}
