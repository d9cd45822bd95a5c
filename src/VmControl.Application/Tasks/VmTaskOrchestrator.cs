using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using VmControl.Application.Ports;
using VmControl.Application.Tasks.Activities;
using VmControl.Domain;

namespace VmControl.Application.Tasks;

/// <summary>
/// One task on one VM: start, begin the hypervisor operation, poll it with durable timers until it ends or the
/// deadline passes, then write the outcome. Its instance id is the VM's (<see cref="TaskInstanceIds"/>): while it
/// runs, it is the VM's task lock.
/// </summary>
public sealed partial class VmTaskOrchestrator : TaskOrchestrator<VmTaskInput, VmTaskOutcome>
{
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
        var logger = context.CreateReplaySafeLogger<VmTaskOrchestrator>();
        LogStarted(logger, input.VmId, input.ActionId, input.Action.ToWire());

        var start = await context.CallActivityAsync<StartOutcome>(nameof(StartVmTaskActivity), input, Retry);
        var finish = start.Command is null
            ? new FinishInput(input, Succeeded: false, null, null, null) // no longer the VM's task: Finish records the pre-emption
            : await RunOnHypervisor(context, input, start.Command);

        if (!finish.Succeeded && start.Command is not null && finish.Power is null
            && LifecycleTable.For(input.Action).Failure == FailureRule.ErrorIfNotRunning
            && (finish.ExternalId ?? start.Command.ExternalId) is { } machine)
        {
            var power = await context.CallActivityAsync<PowerReading>(nameof(ReadPowerActivity), machine, Retry);
            finish = finish with { Power = power };
        }

        var outcome = await context.CallActivityAsync<VmTaskOutcome>(nameof(FinishVmTaskActivity), finish, Retry);
        LogEnded(logger, input.VmId, input.ActionId, input.Action.ToWire(), outcome.Status.ToString(), outcome.ErrorCode);
        return outcome;
    }

    private static async Task<FinishInput> RunOnHypervisor(TaskOrchestrationContext context, VmTaskInput input, HypervisorCommand command)
    {
        BeginOutcome begun;
        try
        {
            begun = await context.CallActivityAsync<BeginOutcome>(
                nameof(BeginOperationActivity), new BeginInput(input.VmId, input.ActionId, command), Retry);
        }
        catch (TaskFailedException ex)
        {
            return Failed(input, "hypervisor_unavailable", ex.FailureDetails.ErrorMessage, FailureKind.NothingChanged, command.ExternalId);
        }

        if (begun.Operation is not { } operation)
        {
            var error = begun.Error ?? new HypervisorError("hypervisor_error", "The hypervisor refused the operation.", false, FailureKind.NothingChanged);
            return new FinishInput(input, Succeeded: false, null, error, command.ExternalId);
        }

        var wait = operation.PollAfter;
        for (var poll = 0; poll < MaxPolls; poll++)
        {
            var remaining = input.Deadline.UtcDateTime - context.CurrentUtcDateTime;
            if (remaining <= TimeSpan.Zero)
            {
                return Failed(input, "deadline_exceeded", $"The task did not end before its deadline ({input.Deadline:O}).", FailureKind.Started, operation.ExternalId);
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
                return Failed(input, "hypervisor_unavailable", ex.FailureDetails.ErrorMessage, FailureKind.Started, operation.ExternalId);
            }

            switch (progress.State)
            {
                case OperationState.Succeeded:
                    return new FinishInput(input, Succeeded: true, progress.Power, null, operation.ExternalId);
                case OperationState.Failed:
                    var error = progress.Error ?? new HypervisorError("hypervisor_error", "The operation failed.", false, FailureKind.Started);
                    return new FinishInput(input, Succeeded: false, progress.Power, error, operation.ExternalId);
                default:
                    wait = progress.PollAfter ?? TimeSpan.FromSeconds(1);
                    break;
            }
        }

        return Failed(input, "deadline_exceeded", $"The operation did not end within {MaxPolls} polls.", FailureKind.Started, operation.ExternalId);
    }

    private static FinishInput Failed(VmTaskInput input, string code, string message, FailureKind kind, string? externalId) =>
        new(input, Succeeded: false, null, new HypervisorError(code, message, Transient: false, kind), externalId);

    private static TimeSpan Min(TimeSpan a, TimeSpan b, TimeSpan c) => a < b ? (a < c ? a : c) : (b < c ? b : c);

    [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Task {Action} started on VM {VmId} (action {ActionId})")]
    private static partial void LogStarted(ILogger logger, string vmId, string actionId, string action);

    [LoggerMessage(EventId = 101, Level = LogLevel.Information, Message = "Task {Action} on VM {VmId} (action {ActionId}) ended {Status} {ErrorCode}")]
    private static partial void LogEnded(ILogger logger, string vmId, string actionId, string action, string status, string? errorCode);
}
