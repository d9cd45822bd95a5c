namespace VmControl.Drivers.Libvirt.Tests.Support;

/// <summary>
/// The driver on libvirt's built-in <c>test:///default</c> hypervisor: a fake inside the library (no daemon, no guest)
/// whose domains keep their state for the process. Image "plain" has no disk, so no qemu-img runs.
/// </summary>
public sealed class TestDefaultDriver : IDisposable
{
    private readonly DirectoryInfo state = Directory.CreateTempSubdirectory("vmcontrol-libvirt-test-");

    public TestDefaultDriver()
    {
        Options = new LibvirtDriverOptions
        {
            ConnectionUri = "test:///default",
            DomainType = "test",
            NamePrefix = "vmcfast-",
            StateFolder = state.FullName,
            ImagesFolder = Path.Combine(state.FullName, "images"),
            Images = { ["plain"] = new LibvirtImage { Kernel = "/boot/vmlinuz-none", Initrd = "/boot/initrd-none" } },
            Sizes = { ["small"] = new LibvirtSize { Vcpus = 1, MemoryMiB = 128 }, ["medium"] = new LibvirtSize { Vcpus = 2, MemoryMiB = 256 } },
            SettleWait = TimeSpan.FromSeconds(1),
        };
        Driver = new LibvirtDriver(Options, Events);
    }

    public LibvirtDriverOptions Options { get; }

    public LibvirtPowerEvents Events { get; } = new();

    public LibvirtDriver Driver { get; }

    public static HypervisorCommand Command(string vmId, VmAction action, params (string Key, string Value)[] parameters) =>
        new(vmId, null, action, "fast", "small", "plain", new Dictionary<string, string>(), parameters.ToDictionary(p => p.Key, p => p.Value));

    public static string NewVmId() => "vm-" + Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()[..8]);

    /// <summary>Begins the action and returns its power after (every action but a slow soft stop ends within the begin).</summary>
    public async Task<PowerReading> RunAsync(string vmId, VmAction action, params (string Key, string Value)[] parameters)
    {
        var operation = await Driver.BeginAsync(Command(vmId, action, parameters));
        var done = operation.Done ?? await Driver.PollAsync(operation);
        Assert.Equal(OperationState.Succeeded, done.State);
        return done.Power!;
    }

    public void Dispose()
    {
        Driver.Dispose();
        Events.Dispose();
        state.Delete(recursive: true);
    }
}
