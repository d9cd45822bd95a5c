using PowerPage = VmControl.Application.Model.Page<VmControl.Application.Ports.PowerReading>;

namespace VmControl.Drivers.Libvirt;

/// <summary>
/// The hypervisor port over libvirt (P/Invoke to libvirt.so.0): one domain per VM, its UUID carrying the VM id.
/// libvirt's calls return when the hypervisor has acted, so every action but a soft stop ends within its begin
/// (<see cref="HypervisorOperation.Done"/>); a soft stop is polled until the guest powers off or its deadline passes.
/// docs/libvirt-driver.md has the mapping.
/// </summary>
public sealed partial class LibvirtDriver : IHypervisorDriver, IDisposable
{
    public const string DriverName = "libvirt";

    /// <summary>The command parameter resize reads its new size from (else the command's size).</summary>
    public const string SizeParameter = "size";

    /// <summary>The command parameter rebuild reads its new image from (else the command's image).</summary>
    public const string ImageParameter = "image";

    /// <summary>The command parameter snapshot and backup name their disk copy with.</summary>
    public const string NameParameter = "name";

    private readonly LibvirtDriverOptions options;
    private readonly LibvirtConnection connection;
    private readonly LibvirtPaths paths;
    private readonly LibvirtDisks disks;
    private readonly TimeProvider clock;

    public LibvirtDriver(LibvirtDriverOptions options, LibvirtPowerEvents events, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(events);
        this.options = options;
        this.clock = clock ?? TimeProvider.System;
        connection = new LibvirtConnection(options.ConnectionUri, events);
        paths = new LibvirtPaths(options);
        disks = new LibvirtDisks(options);
    }

    public string Name => DriverName;

    public DriverCapabilities Capabilities => LibvirtCapabilities.Value;

    public Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (Capabilities.Unsupported.TryGetValue(command.Action, out var reason))
        {
            throw LibvirtErrors.Permanent("unsupported_action", reason);
        }

        // Refused before anything is written: the VM id must fit a domain UUID.
        var uuid = LibvirtIds.UuidOf(command.VmId);
        return Task.Run(() => connection.Use(c => Begin(c, command, uuid)), cancellationToken);
    }

    public Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Task.Run(() => connection.Use(c => Poll(c, operation)), cancellationToken);
    }

    public Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default) =>
        Task.Run(() => connection.Use(c => Read(c, externalId)), cancellationToken);

    public Task<PowerPage> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default) =>
        Task.Run(() => connection.Use(ListAll), cancellationToken);

    public void Dispose() => connection.Dispose();

    private OperationProgress Poll(ConnectHandle c, HypervisorOperation operation)
    {
        using var domain = LibvirtDomains.Find(c, operation.ExternalId);
        if (domain is null)
        {
            return LibvirtOperation.StopDeadline(operation.OperationId) is null
                ? new OperationProgress(OperationState.Succeeded, Reading(operation.ExternalId, PowerState.NoState, "not_found"))
                : new OperationProgress(
                    OperationState.Failed,
                    Error: new HypervisorError("not_found", "The domain vanished during the stop.", Transient: false, FailureKind.Started));
        }

        if (LibvirtOperation.StopDeadline(operation.OperationId) is { } deadline && LibvirtDomains.IsActive(domain))
        {
            if (clock.GetUtcNow() < deadline)
            {
                return new OperationProgress(OperationState.InProgress, PollAfter: options.PollAfter);
            }

            // The guest ignored the power button: cut the power, as Nova's libvirt driver does after its clean-shutdown timeout.
            LibvirtDomains.Check(LibvirtNative.virDomainDestroy(domain), "Destroying the domain after the stop deadline", FailureKind.Started);
        }

        return new OperationProgress(OperationState.Succeeded, Reading(operation.ExternalId, domain));
    }

    private PowerReading Read(ConnectHandle c, string externalId)
    {
        using var domain = LibvirtDomains.Find(c, externalId);
        return domain is null ? Reading(externalId, PowerState.NoState, "not_found") : Reading(externalId, domain);
    }

    private PowerPage ListAll(ConnectHandle c)
    {
        var count = LibvirtNative.virConnectListAllDomains(c, out var array, 0);
        if (count < 0)
        {
            throw LibvirtErrors.Last("Listing the domains failed", FailureKind.NothingChanged);
        }

        // Every pointer is owned by a handle before any read, so a failed read still frees them all.
        var domains = new List<DomainHandle>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                domains.Add(new DomainHandle(System.Runtime.InteropServices.Marshal.ReadIntPtr(array, i * IntPtr.Size)));
            }
        }
        finally
        {
            unsafe
            {
                System.Runtime.InteropServices.NativeMemory.Free((void*)array);
            }
        }

        var readings = new List<PowerReading>(count);
        try
        {
            foreach (var domain in domains)
            {
                readings.Add(Reading(LibvirtDomains.Uuid(domain), domain));
            }
        }
        finally
        {
            domains.ForEach(d => d.Dispose());
        }

        return new PowerPage(readings, ContinuationToken: null);
    }

    private PowerReading Reading(string uuid, DomainHandle domain)
    {
        var (power, detail) = LibvirtDomains.Power(domain);
        return Reading(uuid, power, detail);
    }

    private PowerReading Reading(string uuid, PowerState power, string detail) =>
        new(uuid, LibvirtIds.VmIdOf(uuid), power, detail, clock.GetUtcNow());
}
