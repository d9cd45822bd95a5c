using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VmControl.Application.Tasks.Activities;

namespace VmControl.Application.Tasks;

/// <summary>
/// One task on one VM: begin the hypervisor operation, follow it with durable timers until it ends or the deadline
/// passes, then finish (write the outcome). Its instance id is the VM's (<see cref="TaskInstanceIds"/>): while it runs,
/// it is the VM's task lock. Registered as <see cref="Name"/>; <see cref="V1.VmTaskOrchestratorV1"/> replays the
/// instances the previous version started.
/// </summary>
public sealed partial class VmTaskOrchestrator(VmTaskLimits limits) : TaskOrchestrator<VmTaskInput, VmTaskOutcome>
{
    /// <summary>The name the launcher schedules. A change that alters the activity calls needs a new name.</summary>
    public const string Name = "VmTaskOrchestratorV2";

    // Fixed here, not read from settings: an orchestrator must compute the same timers on every replay.
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(10);

    private readonly TaskOptions retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: limits.Attempts,
        firstRetryInterval: limits.FirstRetry,
        backoffCoefficient: 2,
        maxRetryInterval: TimeSpan.FromSeconds(30))
    {
        HandleFailure = failure => failure.IsCausedBy<TransientFailureException>(),
    });

    public VmTaskOrchestrator()
        : this(VmTaskLimits.Default)
    {
    }

    public override async Task<VmTaskOutcome> RunAsync(TaskOrchestrationContext context, VmTaskInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<VmTaskOrchestrator>();
        LogStarted(logger, input.VmId, input.ActionId, input.Action.ToWire());

        var outcome = await Begin(context, input) switch
        {
            // Ended inside the first step (a quick task: one activity, as a bare orchestration), or pre-empted.
            BeginOutcome.Ended ended => ended.Outcome,
            BeginOutcome.HypervisorDone done => await Finish(context, done.Finish),
            BeginOutcome.InProgress running => await Finish(context, await Follow(context, input, running)),
            var other => throw new InvalidOperationException($"Unknown begin outcome {other.GetType().Name}."),
        };

        LogEnded(logger, input.VmId, input.ActionId, input.Action.ToWire(), outcome.Status.ToString(), outcome.ErrorCode);
        return outcome;
    }

    private async Task<BeginOutcome> Begin(TaskOrchestrationContext context, VmTaskInput input)
    {
        try
        {
            return await context.CallActivityAsync<BeginOutcome>(BeginVmTaskActivity.Name, input, retry);
        }
        catch (TaskFailedException ex)
        {
            return new BeginOutcome.HypervisorDone(BeginFailures.Finish(input, ex.FailureDetails));
        }
    }

    // Polls with durable timers until the operation ends, the deadline passes, or the poll budget is spent.
    private async Task<FinishInput> Follow(TaskOrchestrationContext context, VmTaskInput input, BeginOutcome.InProgress begun)
    {
        var (operation, wait, row, unrecorded) = begun;
        for (var poll = 0; poll < limits.MaxPolls; poll++)
        {
            var remaining = input.Deadline.UtcDateTime - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return FinishInput.Abandoned(
                    input, "deadline_exceeded", $"The task did not end before its deadline ({input.Deadline:O}).", operation.ExternalId, unrecorded, row);
            }

            if (wait > TimeSpan.Zero)
            {
                await context.CreateTimer(Min(wait, MaxPollInterval, remaining), CancellationToken.None);
            }

            OperationProgress progress;
            try
            {
                progress = await context.CallActivityAsync<OperationProgress>(
                    nameof(PollOperationActivity), new PollInput(input.VmId, input.ActionId, operation), retry);
            }
            catch (TaskFailedException ex)
            {
                return FinishInput.Abandoned(input, "hypervisor_unavailable", ex.FailureDetails.ErrorMessage, operation.ExternalId, unrecorded, row);
            }

            if (progress.State != OperationState.InProgress)
            {
                // The episode's time, not the clock: the orchestrator must compute the same event on every replay.
                var completed = ActionEvent.Completed(progress, context.CurrentUtcDateTime);
                return FinishInput.Ended(input, progress, operation.ExternalId, [.. unrecorded ?? [], completed], row);
            }

            wait = progress.PollAfter ?? TimeSpan.FromSeconds(1);
        }

        return FinishInput.Abandoned(
            input, "deadline_exceeded", $"The operation did not end within {limits.MaxPolls} polls.", operation.ExternalId, unrecorded, row);
    }

    private Task<VmTaskOutcome> Finish(TaskOrchestrationContext context, FinishInput finish) =>
        context.CallActivityAsync<VmTaskOutcome>(nameof(FinishVmTaskActivity), finish, retry);

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => a < b ? (a < c ? a : c) : (b < c ? b : c);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Task {Action} started on VM {VmId} (action {ActionId})")]
    private static partial void LogStarted(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Task {Action} on VM {VmId} (action {ActionId}) ended {Status} {ErrorCode}")]
    private static partial void LogEnded(ILogger logger, string vmId, string actionId, string action, string status, string? errorCode);
}
