using static VmControl.Drivers.Simulated.SimulatedReadings;

namespace VmControl.Drivers.Simulated;

/// <summary>Changes made behind the control plane's back (api.md's simulator routes), and a look at a machine.</summary>
public sealed partial class SimulatedHypervisor
{
    /// <summary>
    /// Sets a machine's power as a guest <c>shutdown -h</c> (or a crash) would. <see cref="PowerState.NoState"/>
    /// removes the machine, as if it vanished from the hypervisor. Null when there is no such machine.
    /// </summary>
    public async Task<PowerReading?> SetPowerStateAsync(string externalId, PowerState powerState, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        if (!Enum.IsDefined(powerState))
        {
            throw new ArgumentOutOfRangeException(nameof(powerState), powerState, "Not a power state.");
        }

        if (!MachineIds.IsValid(externalId))
        {
            return null;
        }

        for (var round = 0; round < MaxRounds; round++)
        {
            var now = time.GetUtcNow();
            var row = await table.GetAsync(externalId, cancellationToken).ConfigureAwait(false);
            if (row is null)
            {
                return null;
            }

            // A due operation completed before the guest acted; settle it first so its transition does not undo this change.
            var exists = !IsDue(row, now) || row.Complete();
            if (!exists || powerState == PowerState.NoState)
            {
                if (await table.TryDeleteAsync(row, cancellationToken).ConfigureAwait(false))
                {
                    return exists ? Missing(externalId, row.VmId, now) : null;
                }

                continue;
            }

            row.PowerState = (int)powerState;
            if (await table.TryReplaceAsync(row, cancellationToken).ConfigureAwait(false))
            {
                return Reading(row, now);
            }
        }

        throw Contended(externalId);
    }

    /// <summary>Adds a machine the control plane does not know (no VM id) and returns its external id (<c>sim-</c> + hex).</summary>
    public async Task<string> AddUnknownMachineAsync(string name, PowerState powerState, CancellationToken cancellationToken = default)
    {
        var ids = await AddMachinesAsync([new SimulatedMachineSpec(name, powerState)], cancellationToken).ConfigureAwait(false);
        return ids[0];
    }

    /// <summary>Puts machines on the hypervisor (replacing any with the same id), 100 to a batch; returns their external ids.</summary>
    public async Task<IReadOnlyList<string>> AddMachinesAsync(IEnumerable<SimulatedMachineSpec> machines, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(machines);
        var rows = machines.Select(ToRow).ToList();
        await table.UpsertManyAsync(rows, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => r.RowKey)];
    }

    /// <summary>The machine as it is now (a due operation counts as done), or null. Not counted as a driver read.</summary>
    public async Task<SimulatedMachine?> GetMachineAsync(string externalId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(externalId);
        var row = MachineIds.IsValid(externalId) ? await table.GetAsync(externalId, cancellationToken).ConfigureAwait(false) : null;
        var view = row is null ? null : AsOf(row, time.GetUtcNow());
        return view is null
            ? null
            : new SimulatedMachine(
                view.RowKey,
                view.VmId,
                view.Name,
                view.Size,
                view.Image,
                (PowerState)view.PowerState,
                view.PreviousSize,
                view.PendingActionOf(),
                view.PendingCompletesAt);
    }

    private static MachineEntity ToRow(SimulatedMachineSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentException.ThrowIfNullOrWhiteSpace(spec.Name);
        if (!Enum.IsDefined(spec.PowerState) || spec.PowerState == PowerState.NoState)
        {
            throw new ArgumentOutOfRangeException(nameof(spec), spec.PowerState, "A machine needs a power state other than nostate.");
        }

        var id = spec.ExternalId ?? spec.VmId ?? MachineIds.NewUnknown();
        if (!MachineIds.IsValid(id))
        {
            throw new ArgumentException(SimulatedErrors.InvalidMachineId(id).Message, nameof(spec));
        }

        return new MachineEntity
        {
            RowKey = id,
            VmId = spec.VmId,
            Name = spec.Name,
            Size = spec.Size,
            Image = spec.Image,
            PowerState = (int)spec.PowerState,
        };
    }
}
