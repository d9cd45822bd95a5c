namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    /// <summary>
    /// The cost guard (docs/power-sync.md): a VM stopped, with no task, whose machine the driver reads as still
    /// allocated (Azure's powerOff without deallocation, still billed) raises <c>billing_leak</c> once it has been so
    /// for longer than the grace. "Since" is the record's last write (the stop's end, at the latest), a bound that can
    /// only make the alert late, never early, and costs no read.
    /// </summary>
    private void GuardCost(VmRecord vm, PowerReading? machine)
    {
        if (settings.BillingLeakGrace <= TimeSpan.Zero
            || vm.VmState != VmState.Stopped
            || machine is not { Allocated: true }
            || machine.PowerState == PowerState.Running)
        {
            return;
        }

        if (now - vm.UpdatedAt < settings.BillingLeakGrace)
        {
            // Not yet: an alert already open stays open (the leak has not ended).
            Keep(vm.Id, AlertKind.BillingLeak);
            return;
        }

        raise[new AlertKey(vm.Id, AlertKind.BillingLeak)] = new AlertRecord
        {
            Id = string.Empty,
            VmId = vm.Id,
            Kind = AlertKind.BillingLeak,
            Project = vm.Project,
            VmState = vm.VmState,
            ExpectedPowerStates = [PowerState.Shutdown],
            ObservedPowerState = machine.PowerState,
            FirstSeenAt = vm.UpdatedAt,
            LastSeenAt = now,
            Message = $"The VM is stopped but its machine is still allocated ({machine.Detail}) and billed, since {vm.UpdatedAt:O} at the latest: deallocate it (on Azure, Driver StopMode deallocate).",
        };
    }
}
