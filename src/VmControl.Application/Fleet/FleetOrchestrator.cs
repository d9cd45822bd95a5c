using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace VmControl.Application.Fleet;

/// <summary>
/// One fleet operation (docs/fleet.md): plan the tiers, then for each tier in order step it (settle ended actions, issue
/// the next ones within the concurrency limit and the rate budget) on durable timers until every VM's action has
/// ended, wait for readiness and the delay, and finish. Its instance id is the operation's
/// (<see cref="FleetIds.InstanceId"/>). Every wait is a durable timer: the budget's refusal says until when.
/// </summary>
public sealed partial class FleetOrchestrator : TaskOrchestrator<FleetRun, FleetStatus>
{
    public const string Name = "FleetOperationV1";

    // Bounds the history of one tier: at one step a second, about 5.5 hours; past it the tier stops issuing, as if cancelled.
    private const int MaxStepsPerTier = 20_000;

    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 10, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<FleetStatus> RunAsync(TaskOrchestrationContext context, FleetRun input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var logger = context.CreateReplaySafeLogger<FleetOrchestrator>();
        var id = input.OperationId;
        var plan = await context.CallActivityAsync<FleetPlan>(PlanFleetActivity.Name, id, Retry);
        LogPlanned(logger, id, plan.TierCount, plan.Error);
        var cancelled = false;
        for (var tier = 1; tier <= plan.TierCount && plan.Error is null && !cancelled; tier++)
        {
            cancelled = await RunTierAsync(context, input, tier);
            if (!cancelled && plan.Readiness.Condition != FleetReadinessCondition.ActionEnded)
            {
                cancelled = await AwaitReadinessAsync(context, input, plan.Readiness, tier);
            }

            if (!cancelled && tier < plan.TierCount && plan.TierDelay > TimeSpan.Zero)
            {
                await WaitUntilAsync(context, context.CurrentUtcDateTime + plan.TierDelay);
            }
        }

        var status = await context.CallActivityAsync<FleetStatus>(FinishFleetActivity.Name, id, Retry);
        LogFinished(logger, id, status.ToString());
        return status;
    }

    // Returns whether a cancel was asked; the actions in flight have all ended by then.
    private static async Task<bool> RunTierAsync(TaskOrchestrationContext context, FleetRun input, int tier)
    {
        DateTimeOffset? retryAt = null;
        for (var step = 0; step < MaxStepsPerTier; step++)
        {
            var mayIssue = retryAt is not { } at || at <= context.CurrentUtcDateTime;
            var state = await context.CallActivityAsync<FleetTierState>(
                AdvanceFleetTierActivity.Name, new FleetStep(input.OperationId, tier, mayIssue), Retry);
            retryAt = state.RetryAt ?? (mayIssue ? null : retryAt);
            if (state.Running == 0 && (state.Pending == 0 || state.CancelRequested))
            {
                return state.CancelRequested;
            }

            // With actions in flight the step itself waited for one to end: step again at once. Only a budget that
            // said to wait (and nothing in flight) sleeps, on a durable timer until it grants again.
            if (state.Running == 0 && retryAt is { } budgetAt)
            {
                var wake = context.CurrentUtcDateTime + input.PollInterval;
                await WaitUntilAsync(context, budgetAt.UtcDateTime > wake ? budgetAt.UtcDateTime : wake);
            }
        }

        return true;
    }

    private static async Task<bool> AwaitReadinessAsync(TaskOrchestrationContext context, FleetRun input, FleetReadiness readiness, int tier)
    {
        var deadline = context.CurrentUtcDateTime + readiness.Timeout;
        for (var step = 0; step < MaxStepsPerTier; step++)
        {
            var final = context.CurrentUtcDateTime >= deadline;
            var state = await context.CallActivityAsync<FleetTierState>(
                CheckFleetReadinessActivity.Name, new FleetStep(input.OperationId, tier, Final: final), Retry);
            if (state.NotReady == 0 || final || state.CancelRequested)
            {
                return state.CancelRequested;
            }

            var wake = context.CurrentUtcDateTime + input.PollInterval;
            await WaitUntilAsync(context, wake < deadline ? wake : deadline);
        }

        return false;
    }

    // A timer may fire before its time on some engines; the orchestration's clock decides when the wait is over.
    private static async Task WaitUntilAsync(TaskOrchestrationContext context, DateTime until)
    {
        while (context.CurrentUtcDateTime < until)
        {
            await context.CreateTimer(until, CancellationToken.None);
        }
    }

    [LoggerMessage(EventId = 1410, Level = LogLevel.Information, Message = "Fleet operation {OperationId} planned: {Tiers} tiers {Error}")]
    private static partial void LogPlanned(ILogger logger, string operationId, int tiers, string? error);

    [LoggerMessage(EventId = 1411, Level = LogLevel.Information, Message = "Fleet operation {OperationId} ended {Status}")]
    private static partial void LogFinished(ILogger logger, string operationId, string status);
}
