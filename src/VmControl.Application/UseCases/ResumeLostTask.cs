using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Tasks;

namespace VmControl.Application.UseCases;

/// <summary>
/// Starts again a task whose request claimed the VM and recorded the action, but whose orchestration never ran its
/// first step and is not running (the engine lost the start, or the host died between the record and the start).
/// The power-sync pass calls it for an orphaned task. The task starts as it was asked (same action id, parameters and
/// deadline); its first step checks the claim again, so a VM that moved on meanwhile is not touched.
/// </summary>
public sealed partial class ResumeLostTask(
    IActionLog actions,
    ITaskLauncher launcher,
    IOptions<TaskSettings> options,
    TimeProvider time,
    ILogger<ResumeLostTask> logger)
{
    private readonly TaskSettings settings = options.Value;

    /// <summary>False when the task is not such a task (no record, already started or ended) or its instance is busy.</summary>
    public async Task<bool> ResumeAsync(VmRecord vm, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vm);
        if (vm.TaskState is not { } task || vm.CurrentActionId is not { } actionId)
        {
            return false;
        }

        var action = await actions.GetAsync(vm.Id, actionId, cancellationToken).ConfigureAwait(false);
        if (action is not { Status: ActionStatus.Running, StartedAt: null } || action.TaskState != task
            || !WireNames.TryParse<VmAction>(action.Action, out var verb))
        {
            return false;
        }

        var input = new VmTaskInput(vm.Id, actionId, verb, task, action.Parameters, vm.TaskDeadline ?? time.GetUtcNow() + settings.DeadlineOf(verb));
        var started = await StartGate.RunAsync(vm.Id, () => launcher.TryStartAsync(input, cancellationToken), cancellationToken).ConfigureAwait(false);
        if (started)
        {
            LogResumed(logger, vm.Id, actionId, action.Action);
        }

        return started;
    }

    [LoggerMessage(EventId = 306, Level = LogLevel.Warning, Message = "Started again {Action} on VM {VmId} (action {ActionId}): it was accepted but its orchestration never ran")]
    private static partial void LogResumed(ILogger logger, string vmId, string actionId, string action);
}
