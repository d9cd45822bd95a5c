using Azure.Data.Tables;
using VmControl.Application.Model;
using static VmControl.Drivers.Simulated.SimulatedReadings;

namespace VmControl.Drivers.Simulated;

/// <summary>
/// The embedded hypervisor: all 21 actions with their power transitions, machines kept in its own table (a host
/// restart keeps them and their pending operations), and latency, failures and faults under run-time control
/// (<see cref="SimulatorSettings"/>). Every row change is conditional on the row's ETag, so concurrent calls on
/// one machine never lose an update; Begin and Poll may be repeated (Durable activities can run twice).
/// </summary>
public sealed partial class SimulatedHypervisor : IHypervisorDriver
{
    public const string DriverName = "simulated";

    /// <summary>The command parameter resize reads its new size from (else the command's size).</summary>
    public const string SizeParameter = "size";

    /// <summary>The command parameter rebuild reads its new image from (else the command's image).</summary>
    public const string ImageParameter = "image";

    // Each lost ETag round means another writer changed the machine; a bounded loop cannot spin forever.
    private const int MaxRounds = 16;

    private readonly MachineTable table;
    private readonly TimeProvider time;
    private long bulkReads;
    private long singleReads;

    public SimulatedHypervisor(TableClient table, SimulatorSettings settings, TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(timeProvider);
        this.table = new MachineTable(table);
        Settings = settings;
        time = timeProvider;
    }

    public string Name => DriverName;

    public DriverCapabilities Capabilities => DriverCapabilities.All;

    public SimulatorSettings Settings { get; }

    /// <summary>Driver reads served: bulk pages plus single gets (the power-sync benchmark's "driver reads per pass").</summary>
    public long ReadCount => BulkReadCount + SingleReadCount;

    public long BulkReadCount => Interlocked.Read(ref bulkReads);

    public long SingleReadCount => Interlocked.Read(ref singleReads);

    public void ResetReadCounts()
    {
        Interlocked.Exchange(ref bulkReads, 0);
        Interlocked.Exchange(ref singleReads, 0);
    }

    /// <summary>Creates the machine table if it does not exist (at start-up; every call also makes sure once).</summary>
    public Task EnsureCreatedAsync(CancellationToken cancellationToken = default) => table.EnsureCreatedAsync(cancellationToken);

    public async Task<HypervisorOperation> BeginAsync(HypervisorCommand command, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var externalId = command.ExternalId ?? command.VmId;
        MachineIds.ThrowIfInvalid(externalId);
        ThrowIfBeginFails(command.VmId, command.Action);
        if (Settings.Throttle.Take(time.GetUtcNow()) is { } retryAfter)
        {
            throw new HypervisorException(new HypervisorError(
                HypervisorError.ThrottledCode, "The simulated provider's rate limit was reached.", Transient: true, FailureKind.NothingChanged, retryAfter));
        }

        var target = TargetOf(command);
        var completeFault = new Lazy<FaultKind?>(() => Settings.TakeFault(command.VmId, command.Action, FaultStage.Complete)?.Kind);
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = time.GetUtcNow();
            var row = await table.GetAsync(externalId, cancellationToken).ConfigureAwait(false);
            var started = row is null
                ? await TryBeginOnMissingAsync(command, externalId, now, completeFault, cancellationToken).ConfigureAwait(false)
                : await TryBeginOnExistingAsync(command, row, now, target, completeFault, cancellationToken).ConfigureAwait(false);
            if (started is not null)
            {
                return started;
            }
        }

        throw Contended(externalId);
    }

    public async Task<OperationProgress> PollAsync(HypervisorOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var round = 0; round < MaxRounds; round++)
        {
            var now = time.GetUtcNow();
            var row = await table.GetAsync(operation.ExternalId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                // A finished delete leaves no row; any other operation lost its machine under it.
                return OperationIds.TryGetAction(operation.OperationId, out var action) && action == VmAction.Delete
                    ? new OperationProgress(OperationState.Succeeded, Missing(operation.ExternalId, null, now))
                    : new OperationProgress(OperationState.Failed, Missing(operation.ExternalId, null, now), SimulatedErrors.MachineGone(operation.ExternalId));
            }

            if (string.Equals(row.CompletedOperationId, operation.OperationId, StringComparison.Ordinal))
            {
                return Outcome(row, now);
            }

            if (!string.Equals(row.PendingOperationId, operation.OperationId, StringComparison.Ordinal))
            {
                return new OperationProgress(OperationState.Failed, Reading(row, now), SimulatedErrors.UnknownOperation(operation.OperationId));
            }

            if (IsHeld(row))
            {
                return new OperationProgress(OperationState.InProgress, PollAfter: HeldPollAfter);
            }

            if (!row.IsDue(now))
            {
                return new OperationProgress(OperationState.InProgress, PollAfter: PollAfter(row, now));
            }

            var vmId = row.VmId;
            if (!row.Complete())
            {
                if (await table.TryDeleteAsync(row, cancellationToken).ConfigureAwait(false))
                {
                    return new OperationProgress(OperationState.Succeeded, Missing(operation.ExternalId, vmId, now));
                }
            }
            else if (await table.TryReplaceAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return Outcome(row, now);
            }
        }

        throw Contended(operation.ExternalId);
    }

    public async Task<PowerReading> GetPowerStateAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        Interlocked.Increment(ref singleReads);
        var now = time.GetUtcNow();
        var row = MachineIds.IsValid(externalId) ? await table.GetAsync(externalId, cancellationToken).ConfigureAwait(false) : null;
        var view = row is null ? null : AsOf(row, now);
        return view is null ? Missing(externalId, row?.VmId, now) : Reading(view, now) with { Allocated = Allocated(view) };
    }

    public async Task<Page<PowerReading>> ListPowerStatesAsync(string? continuationToken, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref bulkReads);
        var (rows, next) = await table.ListPageAsync(continuationToken, cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow();
        var readings = rows.Select(r => AsOf(r, now)).OfType<MachineEntity>().Select(r => Reading(r, now) with { Allocated = Allocated(r) }).ToList();
        return new Page<PowerReading>(readings, next);
    }

    /// <summary>A running, paused or suspended machine holds its host; a stopped one only when the simulator says so.</summary>
    private bool Allocated(MachineEntity row) => (PowerState)row.PowerState switch
    {
        PowerState.Shutdown => Settings.StoppedStaysAllocated,
        PowerState.NoState or PowerState.Crashed => false,
        _ => true,
    };
}
