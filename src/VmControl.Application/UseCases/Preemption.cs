using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>What hard delete and reset-state do to the task they override: end its orchestration and mark its action pre-empted.</summary>
public sealed partial class Preemption(IActionLog actions, ITaskLauncher launcher, IOptions<TaskSettings> options, ILogger<Preemption> logger)
{
    private readonly TaskSettings settings = options.Value;

    /// <param name="before">The VM as it was before the overriding command took it.</param>
    /// <param name="byActionId">The overriding command's action id.</param>
    /// <param name="now">When the overriding command was accepted.</param>
    public async Task PreemptAsync(VmRecord before, string byActionId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(before);

        // Even an idle VM may still have an orchestration finishing its last write; it must end before the override.
        var ended = await launcher.TerminateAndWaitAsync(before.Id, $"Pre-empted by hard delete {byActionId}.", settings.PreemptWait, CancellationToken.None)
            .ConfigureAwait(false);

        // The pre-empted request claims the VM before it writes its action record: when the record is not there yet
        // (or has already ended), leave it to that task, whose orchestration finds task_state no longer its own and
        // records the pre-emption itself. Writing to a missing record threw here: a 500, and the VM stuck in deleting.
        if (before.TaskState is not null && before.CurrentActionId is { } preempted
            && await actions.GetAsync(before.Id, preempted, CancellationToken.None).ConfigureAwait(false) is { Status: ActionStatus.Running })
        {
            var error = new ActionError("preempted", $"Pre-empted by hard delete {byActionId}.");
            await actions.RecordAsync(before.Id, preempted, new ActionChange(End: new ActionEnd(ActionStatus.Preempted, null, error, now)), known: null, CancellationToken.None)
                .ConfigureAwait(false);
            LogPreempted(logger, before.Id, preempted, byActionId, ended);
        }
    }

    [LoggerMessage(EventId = 305, Level = LogLevel.Information, Message = "Hard delete {DeleteActionId} pre-empted action {ActionId} on VM {VmId} (orchestration ended: {Ended})")]
    private static partial void LogPreempted(ILogger logger, string vmId, string actionId, string deleteActionId, bool ended);
}
