namespace VmControl.Application.Schedules;

internal sealed partial class TickPass
{
    /// <summary>
    /// This boundary's action was issued and the VM still differs: within the grace it is on its way; past it the
    /// schedule says so with a <c>schedule_deviation</c> alert (and its event), never a silent success or a second try.
    /// </summary>
    private async Task DeviatedAsync(VmRecord vm, Schedule schedule, ScheduleState state, IdempotencyRecord issuedBefore, bool wasDeviating, CancellationToken cancellationToken)
    {
        if (now - issuedBefore.CreatedAt < settings.DeviationGrace)
        {
            Skip(vm, schedule, "issued");
            return;
        }

        deviations++;
        if (wasDeviating)
        {
            return;
        }

        var expected = state.Desired == DesiredPower.On ? new[] { PowerState.Running } : [PowerState.Shutdown, PowerState.Suspended];
        var (alert, opened) = await ports.Alerts.OpenOrBumpAsync(
            new AlertRecord
            {
                Id = string.Empty,
                VmId = vm.Id,
                Kind = AlertKind.ScheduleDeviation,
                Project = vm.Project,
                VmState = vm.VmState,
                ExpectedPowerStates = expected,
                ObservedPowerState = vm.PowerState,
                FirstSeenAt = now,
                LastSeenAt = now,
                Message = $"Schedule '{schedule.Name}' ({schedule.Id}) wants the VM {state.Desired.ToWire()} since {state.BoundaryKey}; "
                    + $"its action was issued at {issuedBefore.CreatedAt:O} and the VM is still {vm.VmState.ToWire()} ({vm.PowerState.ToWire()}).",
            },
            cancellationToken).ConfigureAwait(false);
        if (opened)
        {
            LogDeviation(logger, vm.Id, schedule.Id, alert.Id);
        }
    }

    private async Task ResolveDeviationAsync(string vmId, CancellationToken cancellationToken)
    {
        if (await ports.Alerts.ResolveAsync(vmId, AlertKind.ScheduleDeviation, now, cancellationToken).ConfigureAwait(false))
        {
            LogDeviationResolved(logger, vmId);
        }
    }
}
