using static VmControl.Drivers.Simulated.SimulatedReadings;

namespace VmControl.Drivers.Simulated;

/// <summary>The steps of <see cref="BeginAsync"/>: each returns the operation, or null when the row moved on (read again).</summary>
public sealed partial class SimulatedHypervisor
{
    private async Task<HypervisorOperation?> TryBeginOnMissingAsync(
        HypervisorCommand command,
        string externalId,
        DateTimeOffset now,
        Lazy<FaultKind?> completeFault,
        CancellationToken cancellationToken)
    {
        switch (command.Action)
        {
            case VmAction.Delete:
                // Nothing to delete: done at once; its poll finds no row and answers success.
                return new HypervisorOperation(externalId, OperationIds.New(VmAction.Delete), TimeSpan.Zero);
            case VmAction.Create:
                var row = new MachineEntity
                {
                    RowKey = externalId,
                    VmId = command.VmId,
                    Name = command.Name,
                    Size = command.Size,
                    Image = command.Image,
                    PowerState = (int)PowerState.NoState,
                };
                row.Start(VmAction.Create, OperationIds.New(VmAction.Create), now + Settings.Latency, completeFault.Value, target: null);
                return await table.TryAddAsync(row, cancellationToken).ConfigureAwait(false) ? Operation(row, now) : null;
            default:
                throw new HypervisorException(SimulatedErrors.MachineNotFound(externalId));
        }
    }

    private async Task<HypervisorOperation?> TryBeginOnExistingAsync(
        HypervisorCommand command,
        MachineEntity row,
        DateTimeOffset now,
        string? target,
        Lazy<FaultKind?> completeFault,
        CancellationToken cancellationToken)
    {
        // A repeated Begin of a request that ended at once (no latency) gets that operation's outcome, not a second run.
        if (command.RequestId is not null && row.CompletedOperationId == OperationIds.For(command.Action, command.RequestId))
        {
            return new HypervisorOperation(row.RowKey, row.CompletedOperationId, TimeSpan.Zero, Outcome(row, now));
        }

        // A repeated Begin (the activity ran twice) gets the operation already under way, even if it is due.
        if (row.HasPending() && row.PendingActionOf() == command.Action)
        {
            return Operation(row, now);
        }

        if (IsDue(row, now))
        {
            // The earlier operation finished on its own; apply it, then start this one on the result.
            if (!row.Complete())
            {
                await table.TryDeleteAsync(row, cancellationToken).ConfigureAwait(false);
                return null;
            }
        }
        else if (row.HasPending() && command.Action != VmAction.Delete)
        {
            // Delete is let through: it pre-empts any task (lifecycle.md §2), so its operation replaces the pending one.
            throw new HypervisorException(SimulatedErrors.Busy(row.RowKey, row.PendingAction!));
        }

        if (command.Action == VmAction.Create)
        {
            return await TryRepeatCreateAsync(row, cancellationToken).ConfigureAwait(false);
        }

        row.Start(command.Action, OperationIds.For(command.Action, command.RequestId), now + Settings.Latency, completeFault.Value, target);
        var operation = Operation(row, now);

        // With no latency the machine ends the operation at once: applied in the same write and answered with the
        // begin, as a hypervisor that finishes a call synchronously does (no poll). A delete removes the row instead.
        if (IsDue(row, now) && command.Action != VmAction.Delete && row.Complete())
        {
            operation = operation with { Done = Outcome(row, now) };
        }

        return await table.TryReplaceAsync(row, cancellationToken).ConfigureAwait(false) ? operation : null;
    }

    // Create of a machine that exists is idempotent: the create that made it, or a create recorded as done now.
    private async Task<HypervisorOperation?> TryRepeatCreateAsync(MachineEntity row, CancellationToken cancellationToken)
    {
        if (row.CompletedOperationId is { } done
            && row.CompletedFault is null
            && OperationIds.TryGetAction(done, out var action)
            && action == VmAction.Create)
        {
            return new HypervisorOperation(row.RowKey, done, TimeSpan.Zero);
        }

        row.CompletedOperationId = OperationIds.New(VmAction.Create);
        row.CompletedFault = null;
        return await table.TryReplaceAsync(row, cancellationToken).ConfigureAwait(false)
            ? new HypervisorOperation(row.RowKey, row.CompletedOperationId, TimeSpan.Zero)
            : null;
    }

    // Every Begin draws once from the failure rate, so a seed gives the same sequence whether or not a targeted fault hits.
    private void ThrowIfBeginFails(string vmId, VmAction action)
    {
        var randomFailure = Settings.DrawFailure();
        if (Settings.TakeFault(vmId, action, FaultStage.Begin) is { } fault)
        {
            throw new HypervisorException(SimulatedErrors.Fault(fault.Kind, FailureKind.NothingChanged));
        }

        if (randomFailure)
        {
            throw new HypervisorException(SimulatedErrors.RandomFailure());
        }
    }

    // Resize takes its new size and rebuild its new image from the parameters; the command's own values otherwise.
    private static string? TargetOf(HypervisorCommand command) => command.Action switch
    {
        VmAction.Resize => command.Parameters.GetValueOrDefault(SizeParameter) ?? command.Size,
        VmAction.Rebuild => command.Parameters.GetValueOrDefault(ImageParameter) ?? command.Image,
        _ => null,
    };

    private static HypervisorException Contended(string externalId) =>
        new(new HypervisorError("machine_contended", $"Machine {externalId} kept changing under concurrent calls.", Transient: true, FailureKind.NothingChanged));
}
