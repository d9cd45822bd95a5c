using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Budget;
using VmControl.Application.UseCases;

namespace VmControl.Application.Fleet;

/// <summary>
/// One step of a tier: settles the VMs whose actions ended, then (unless cancelled, or the budget said to wait) asks for
/// the next VMs' actions up to the concurrency limit, one budget token each, through <see cref="RequestAction"/>: each
/// VM's action is an ordinary one, checked against the VM's lock, safeguards and lifecycle. The rows are the truth: a
/// VM is marked <c>issuing</c> before its action is asked for, so a step run again after a crash looks for the action
/// in the VM's history instead of asking twice.
/// </summary>
public sealed partial class AdvanceFleetTierActivity(
    IFleetStore store,
    IActionLog actions,
    RequestAction requests,
    AutomatedStarts budget,
    IOptions<FleetSettings> options,
    TimeProvider time,
    ILogger<AdvanceFleetTierActivity> logger)
    : TaskActivity<FleetStep, FleetTierState>
{
    public const string Name = "AdvanceFleetTier";

    // A crashed step's VM shows its action near the top of its history; older ones are not this operation's.
    private const int HistoryLookBack = 20;

    private readonly FleetSettings settings = options.Value;

    public override async Task<FleetTierState> RunAsync(TaskActivityContext context, FleetStep input)
    {
        ArgumentNullException.ThrowIfNull(input);

        // While actions are in flight and nothing moves, the step waits here a little (looking every quarter of the
        // poll interval) rather than returning at once: the tier goes on as soon as an action ends, not a durable
        // timer's wake-up later, and an idle tier still costs one step per StepWait.
        var until = time.GetUtcNow() + settings.StepWait;
        while (true)
        {
            var (state, progressed) = await StepAsync(input).ConfigureAwait(false);
            if (progressed || state.Running == 0 || state.CancelRequested || state.RetryAt is not null || time.GetUtcNow() >= until)
            {
                return state;
            }

            await Task.Delay(settings.PollInterval / 4, time).ConfigureAwait(false);
        }
    }

    private async Task<(FleetTierState State, bool Progressed)> StepAsync(FleetStep input)
    {
        var ct = CancellationToken.None;
        var operation = await FleetRows.ChangeAsync(
            store, input.OperationId, op => op.CurrentTier >= input.Tier ? null : op with { CurrentTier = input.Tier, UpdatedAt = time.GetUtcNow() }, ct)
            .ConfigureAwait(false) ?? throw new InvalidOperationException($"Fleet operation {input.OperationId} is not stored.");
        var rows = (await store.ResultsAsync(operation.Id, ct).ConfigureAwait(false)).Where(r => r.Tier == input.Tier).ToList();

        var settled = await SettleAsync(operation, rows, ct).ConfigureAwait(false);
        var changed = new List<FleetVmResult>(settled.Where(r => r.Changed).Select(r => r.Row));
        var current = settled.Select(r => r.Row).ToList();
        DateTimeOffset? retryAt = null;
        if (!operation.CancelRequested && input.MayIssue)
        {
            var running = current.Count(r => r.Status == FleetVmStatus.Running);
            var next = current.Where(r => r.Status == FleetVmStatus.Pending).Take(operation.Concurrency - running).ToList();
            if (next.Count > 0)
            {
                var (issued, nextAt) = await IssueAsync(operation, next, ct).ConfigureAwait(false);
                retryAt = nextAt;
                var byId = issued.ToDictionary(r => r.VmId, StringComparer.Ordinal);
                current = [.. current.Select(r => byId.GetValueOrDefault(r.VmId, r))];
                changed.AddRange(issued);
            }
        }

        if (changed.Count > 0)
        {
            await store.WriteResultsAsync(operation.Id, changed, ct).ConfigureAwait(false);
        }

        var state = new FleetTierState(
            current.Count(r => r.Status == FleetVmStatus.Running),
            current.Count(r => r.Status == FleetVmStatus.Pending),
            retryAt,
            operation.CancelRequested);
        return (state, changed.Count > 0);
    }

    // Running VMs: has the action ended? Issuing VMs (a crashed step): did the action start?
    private async Task<(FleetVmResult Row, bool Changed)[]> SettleAsync(FleetOperation operation, List<FleetVmResult> rows, CancellationToken ct) =>
        await FleetRows.EachAsync(
            rows,
            settings.Parallelism,
            async (row, token) =>
            {
                FleetVmResult next = row.Status switch
                {
                    FleetVmStatus.Running => FleetOutcomes.Of(row, await actions.GetAsync(row.VmId, row.ActionId!, token).ConfigureAwait(false)),
                    FleetVmStatus.Issuing => await FindIssuedAsync(operation, row, token).ConfigureAwait(false),
                    _ => row,
                };
                return (next, next != row);
            },
            ct).ConfigureAwait(false);

    private async Task<FleetVmResult> FindIssuedAsync(FleetOperation operation, FleetVmResult row, CancellationToken ct)
    {
        var recent = await actions.ListAsync(row.VmId, HistoryLookBack, null, ct).ConfigureAwait(false);
        var ours = recent.Items.FirstOrDefault(a => a.RequestedBy == operation.Initiator);
        LogRecovered(logger, row.VmId, operation.Id, ours?.Id);
        return ours is null ? row with { Status = FleetVmStatus.Pending } : FleetOutcomes.Of(row with { Status = FleetVmStatus.Running, ActionId = ours.Id }, ours);
    }

    private async Task<(IReadOnlyList<FleetVmResult> Issued, DateTimeOffset? RetryAt)> IssueAsync(
        FleetOperation operation, List<FleetVmResult> next, CancellationToken ct)
    {
        var grant = await budget.TakeAsync(next.Count, ct).ConfigureAwait(false);
        if (!grant.Granted)
        {
            LogBudgetWait(logger, operation.Id, grant.RetryAt);
            return ([], grant.RetryAt);
        }

        var batch = next.Take(grant.Count).Select(r => r with { Status = FleetVmStatus.Issuing }).ToList();
        await store.WriteResultsAsync(operation.Id, batch, ct).ConfigureAwait(false);
        var caller = operation.Caller;
        var issued = await FleetRows.EachAsync(
            batch,
            settings.Parallelism,
            async (row, token) =>
            {
                var result = await requests.RequestAsync(
                    new ActionRequest(row.VmId, operation.Action, operation.Parameters, Caller: caller, RequestId: operation.Id), token).ConfigureAwait(false);
                var outcome = FleetOutcomes.Of(row, result);
                LogIssued(logger, row.VmId, outcome.ActionId, operation.Id, outcome.Status.ToString(), outcome.Code);
                return outcome;
            },
            ct).ConfigureAwait(false);
        await budget.GiveBackAsync(issued.Count(r => r.Status != FleetVmStatus.Running), ct).ConfigureAwait(false);
        return (issued, grant.Count < next.Count ? grant.RetryAt : null);
    }

    [LoggerMessage(EventId = 1400, Level = LogLevel.Information, Message = "Fleet operation {OperationId}: VM {VmId} action {ActionId} {Status} {Code}")]
    private static partial void LogIssued(ILogger logger, string vmId, string? actionId, string operationId, string status, string? code);

    [LoggerMessage(EventId = 1401, Level = LogLevel.Information, Message = "Fleet operation {OperationId}: the rate budget grants nothing before {RetryAt:O}")]
    private static partial void LogBudgetWait(ILogger logger, string operationId, DateTimeOffset? retryAt);

    [LoggerMessage(EventId = 1402, Level = LogLevel.Warning, Message = "Fleet operation {OperationId}: VM {VmId} was being issued when a step stopped; its action found: {ActionId}")]
    private static partial void LogRecovered(ILogger logger, string vmId, string operationId, string? actionId);
}
