namespace VmControl.Application.PowerSync;

internal sealed partial class PowerSyncPass
{
    private async Task SyncAsync(VmRecord listed, CancellationToken cancellationToken)
    {
        VmsSeen++;
        var machine = MachineOf(listed);
        if (machine is not null)
        {
            knownMachines.Add(machine.ExternalId);
        }

        // A tombstone expects nothing; its alerts resolve because nothing keeps them.
        if (listed.VmState == VmState.HardDeleted)
        {
            return;
        }

        var vm = await WriteAsync(listed, machine, cancellationToken).ConfigureAwait(false);
        if (vm is null)
        {
            // Lost the compare-and-swap twice: leave its alerts as they are, the next pass decides.
            Keep(listed.Id, AlertKind.PowerMismatch, AlertKind.MissingOnHypervisor, AlertKind.StuckTask, AlertKind.OrphanedTask, AlertKind.BillingLeak);
            return;
        }

        if (vm.TaskState is not null)
        {
            // A transition: a mismatch is expected, so its power and missing alerts are neither raised nor resolved.
            Keep(vm.Id, AlertKind.PowerMismatch, AlertKind.MissingOnHypervisor, AlertKind.BillingLeak);
            await CheckTaskAsync(vm, cancellationToken).ConfigureAwait(false);
            return;
        }

        await CheckDriftAsync(vm, machine, cancellationToken).ConfigureAwait(false);
        GuardCost(vm, machine);
        await ReclaimAsync(vm, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Writes what changed by compare-and-swap. A lost swap means a task (or a request) wrote the VM since the page was
    /// read: re-read it once and apply the observation to that version, so the task's write is never lost. Returns the
    /// VM as stored now, or null when the second swap was lost too.
    /// </summary>
    private async Task<VmRecord?> WriteAsync(VmRecord listed, PowerReading? machine, CancellationToken cancellationToken)
    {
        var current = listed;
        for (var round = 0; round < 2; round++)
        {
            var next = Observe(current, machine);
            if (ReferenceEquals(next, current))
            {
                return current;
            }

            if (await vms.TryReplaceAsync(next, cancellationToken).ConfigureAwait(false) is { } written)
            {
                Writes++;
                if (DriftRule.PowerDiffers(current, written))
                {
                    Changed++;
                    LogPowerChanged(logger, written.Id, current.PowerState.ToWire(), written.PowerState.ToWire());
                }

                return written;
            }

            Conflicts++;
            if (round == 0 && await vms.GetAsync(listed.Id, cancellationToken).ConfigureAwait(false) is { } fresh)
            {
                current = fresh;
                continue;
            }

            break;
        }

        return null;
    }

    private async Task CheckTaskAsync(VmRecord vm, CancellationToken cancellationToken)
    {
        if (vm.TaskDeadline is { } deadline && deadline + settings.StuckGrace < now)
        {
            Raise(vm, AlertKind.StuckTask, $"Task {vm.TaskState?.ToWire()} (action {vm.CurrentActionId}) is past its deadline {deadline:O}.");
        }

        // Between the claim and the orchestration's start (and between the last write and its end) the two disagree
        // for a moment; only a task_state older than the grace whose orchestration is not running is orphaned.
        // This is the pass's only per-VM call, and only for tasks older than the grace.
        if (vm.UpdatedAt + settings.OrphanGrace < now && !await launcher.IsRunningAsync(vm.Id, cancellationToken).ConfigureAwait(false))
        {
            // An accepted task that never ran its first step is started again (the engine can lose a start under load:
            // docs/benchmarks.md); any other task_state without an orchestration needs an operator.
            if (await commands.ResumeLostTask.ResumeAsync(vm, cancellationToken).ConfigureAwait(false))
            {
                TasksResumed++;
                return;
            }

            Raise(vm, AlertKind.OrphanedTask, $"Task {vm.TaskState?.ToWire()} (action {vm.CurrentActionId}) has no running orchestration.");
        }
    }

    private async Task CheckDriftAsync(VmRecord vm, PowerReading? machine, CancellationToken cancellationToken)
    {
        if (vm.DriftPasses == 0)
        {
            return;
        }

        var kind = DriftRule.IsMissing(vm, machine) ? AlertKind.MissingOnHypervisor : AlertKind.PowerMismatch;
        if (vm.DriftPasses < threshold)
        {
            // Seen too few times to alert (a reboot between passes), but not consistent either: an open alert stays.
            Keep(vm.Id, AlertKind.PowerMismatch, AlertKind.MissingOnHypervisor);
            return;
        }

        var expected = PowerConsistency.ExpectedPowerStates(vm.Status, driver.Capabilities.DeallocatedReadsAsNoState);
        Raise(
            vm,
            kind,
            kind == AlertKind.MissingOnHypervisor
                ? $"The hypervisor has no machine for this {vm.VmState.ToWire()} VM."
                : $"Power is {vm.PowerState.ToWire()} but a {vm.VmState.ToWire()} VM should be {string.Join(" or ", expected.Select(p => p.ToWire()))}.",
            expected);
        if (kind == AlertKind.PowerMismatch && settings.HealPolicy == HealPolicy.Heal)
        {
            await HealAsync(vm, cancellationToken).ConfigureAwait(false);
        }
    }
}
