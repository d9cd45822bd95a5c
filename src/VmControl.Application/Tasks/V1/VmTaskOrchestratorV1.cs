using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VmControl.Application.Tasks.Activities;

namespace VmControl.Application.Tasks.V1;

/// <summary>
/// The task orchestrator as it was before <see cref="VmTaskOrchestrator"/> (registered as
/// <c>VmTaskOrchestratorV2</c>), kept under its old name so that instances started by the previous deploy replay their
/// histories unchanged: the same activity calls in the same order. Do not change its logic.
/// <para>
/// When to remove it (with <see cref="BeginOutcomeV1"/>, <see cref="BeginVmTaskActivityV1"/> and their registrations and
/// Functions triggers): once no instance named <c>VmTaskOrchestrator</c> is pending, running or suspended in any
/// environment's task hub (query the instances by name). A task ends by its deadline (60 minutes at most,
/// <see cref="TaskSettings"/>), so the next deploy after that has passed may remove it; an instance older than that is
/// stuck, not draining, and is terminated rather than replayed.
/// </para>
/// </summary>
public sealed partial class VmTaskOrchestratorV1 : TaskOrchestrator<VmTaskInput, VmTaskOutcome>
{
    /// <summary>The name the previous deploy scheduled.</summary>
    public const string Name = "VmTaskOrchestrator";

    private static readonly RetryPolicy TransientRetry = new(
        maxNumberOfAttempts: 6,
        firstRetryInterval: TimeSpan.FromSeconds(1),
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => failure.IsCausedBy<TransientFailureException>(),
    };

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(TransientRetry);

    // Fixed here, not read from settings: an orchestrator must compute the same timers on every replay.
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(10);

    // Bounds the history (one timer and one activity a poll); the deadline normally ends the loop far sooner.
    private const int MaxPolls = 1000;

    public override async Task<VmTaskOutcome> RunAsync(TaskOrchestrationContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<VmTaskOrchestratorV1>();
        LogStarted(logger, input.VmId, input.ActionId, input.Action.ToWire());

        BeginOutcomeV1 begun;
        try
        {
            begun = await context.CallActivityAsync<BeginOutcomeV1>(BeginVmTaskActivityV1.Name, input, Retry);
        }
        catch (TaskFailedException ex)
        {
            begun = new BeginOutcomeV1(Finish: new FinishInput(
                input, Succeeded: false, null, new HypervisorError("hypervisor_unavailable", ex.FailureDetails.ErrorMessage, false, FailureKind.NothingChanged), null));
        }

        // A task the hypervisor ended at once was ended inside its first step: one activity, as a bare orchestration.
        var outcome = begun.Outcome
            ?? await context.CallActivityAsync<VmTaskOutcome>(
                nameof(FinishVmTaskActivity),
                begun.Finish ?? await Follow(context, input, begun.Operation!, begun.Wait, begun.ActionRow),
                Retry);
        LogEnded(logger, input.VmId, input.ActionId, input.Action.ToWire(), outcome.Status.ToString(), outcome.ErrorCode);
        return outcome;
    }

    // Polls with durable timers until the operation ends, the deadline passes, or the poll budget is spent.
    private static async Task<FinishInput> Follow(
        TaskOrchestrationContext context, VmTaskInput input, HypervisorOperation operation, TimeSpan wait, ActionState? row)
    {
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var remaining = input.Deadline.UtcDateTime - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return Failed(input, "deadline_exceeded", $"The task did not end before its deadline ({input.Deadline:O}).", operation.ExternalId, row);
            }

            if (wait > TimeSpan.Zero)
            {
                await context.CreateTimer(Min(wait, MaxPollInterval, remaining), CancellationToken.None);
            }

            OperationProgress progress;
            try
            {
                progress = await context.CallActivityAsync<OperationProgress>(
                    nameof(PollOperationActivity), new PollInput(input.VmId, input.ActionId, operation), Retry);
            }
            catch (TaskFailedException ex)
            {
                return Failed(input, "hypervisor_unavailable", ex.FailureDetails.ErrorMessage, operation.ExternalId, row);
            }

            if (progress.State != OperationState.InProgress)
            {
                // The episode's time, not the clock: the orchestrator must compute the same event on every replay.
                return FinishInput.Ended(
                    input, progress, operation.ExternalId, [ActionEvent.Completed(progress, context.CurrentUtcDateTime)], row);
            }

            wait = progress.PollAfter ?? TimeSpan.FromSeconds(1);
        }

        return Failed(input, "deadline_exceeded", $"The operation did not end within {MaxPolls} polls.", operation.ExternalId, row);
    }

    private static FinishInput Failed(VmTaskInput input, string code, string message, string? externalId, ActionState? row) =>
        new(input, Succeeded: false, null, new HypervisorError(code, message, Transient: false, FailureKind.Started), externalId, ActionRow: row);

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => a < b ? (a < c ? a : c) : (b < c ? b : c);

    [LoggerMessage(EventId = 102, Level = LogLevel.Information, Message = "Task {Action} (v1) started on VM {VmId} (action {ActionId})")]
    private static partial void LogStarted(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 103, Level = LogLevel.Information, Message = "Task {Action} (v1) on VM {VmId} (action {ActionId}) ended {Status} {ErrorCode}")]
    private static partial void LogEnded(ILogger logger, string vmId, string actionId, string action, string status, string? errorCode);
}
