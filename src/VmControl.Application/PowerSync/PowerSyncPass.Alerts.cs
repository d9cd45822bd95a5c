namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    private void Raise(VmRecord vm, AlertKind kind, string message, IReadOnlyList<PowerState>? expected = null) =>
        raise[new AlertKey(vm.Id, kind)] = new AlertRecord
        {
            Id = string.Empty,
            VmId = vm.Id,
            Kind = kind,
            Project = vm.Project,
            VmState = vm.VmState,
            ExpectedPowerStates = expected ?? [],
            ObservedPowerState = vm.PowerState,
            FirstSeenAt = vm.DriftSince ?? now,
            LastSeenAt = now,
            Message = message,
        };

    private void Keep(string vmId, params AlertKind[] kinds)
    {
        foreach (var kind in kinds)
        {
            keep.Add(new AlertKey(vmId, kind));
        }
    }

    /// <summary>A machine no record claims. Keyed by the machine's id; raised at once (no record holds a pass count for it).</summary>
    private void RaiseUnknownMachines()
    {
        foreach (var machine in byExternalId.Values.Where(m => !knownMachines.Contains(m.ExternalId)))
        {
            raise[new AlertKey(machine.ExternalId, AlertKind.UnknownOnHypervisor)] = new AlertRecord
            {
                Id = string.Empty,
                VmId = machine.ExternalId,
                Kind = AlertKind.UnknownOnHypervisor,
                ObservedPowerState = machine.PowerState,
                FirstSeenAt = now,
                LastSeenAt = now,
                Message = $"The hypervisor has machine {machine.ExternalId} ({machine.PowerState.ToWire()}) that no VM record knows.",
            };
        }
    }

    /// <summary>Opens or bumps every condition seen; resolves every active alert whose condition this pass did not see.</summary>
    private async Task SettleAlertsAsync(CancellationToken cancellationToken)
    {
        foreach (var (key, observation) in raise)
        {
            var (alert, opened) = await alerts.OpenOrBumpAsync(observation, cancellationToken).ConfigureAwait(false);
            if (opened)
            {
                AlertsOpened++;
                LogAlertOpened(logger, key.VmId, key.Kind.ToWire(), alert.Id);
            }
            else
            {
                AlertsBumped++;
            }
        }

        foreach (var key in active.Where(k => !raise.ContainsKey(k) && !keep.Contains(k)))
        {
            if (await alerts.ResolveAsync(key.VmId, key.Kind, now, cancellationToken).ConfigureAwait(false))
            {
                AlertsResolved++;
                LogAlertResolved(logger, key.VmId, key.Kind.ToWire());
            }
        }
    }
}
