using Microsoft.Extensions.Options;
using VmControl.Application.UseCases;

namespace VmControl.Application.Fleet;

/// <summary>
/// The fleet operation use cases: start (check, store, start the orchestration), cancel (a compare-and-swap on the
/// operation; the orchestration stops issuing at its next look), and reads scoped to the caller's project.
/// </summary>
/// <remarks>A host composed without the fleet's store or launcher (a tool, a test of other routes) still builds: the
/// fleet commands then answer as an unavailable store would (503).</remarks>
public sealed class FleetOperations(IOptions<FleetSettings> options, TimeProvider time, IFleetStore? fleetStore = null, IFleetLauncher? fleetLauncher = null)
{
    public const int MaxTiers = 20;
    public const int MaxConcurrency = 1000;
    public static readonly TimeSpan MaxWait = TimeSpan.FromHours(1);

    private const int MaxCancelRounds = 8;
    private readonly FleetSettings settings = options.Value;

    private IFleetStore Store => fleetStore ?? throw new StoreUnavailableException("This host has no fleet operation store.");

    private IFleetLauncher Launcher => fleetLauncher ?? throw new StoreUnavailableException("This host cannot start fleet operations.");

    public async Task<FleetAnswer> StartAsync(FleetRequest request, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(caller);
        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow();
        var operation = await Store.CreateAsync(
            new FleetOperation
            {
                Id = FleetIds.New(now),
                Action = request.Action,
                Parameters = request.Parameters,
                VmIds = request.VmIds is { } ids ? [.. ids.Distinct(StringComparer.Ordinal)] : null,
                Selector = request.Selector,
                Tiers = request.Tiers,
                TierTag = request.TierTag,
                TierDelay = request.TierDelay,
                Readiness = request.Readiness,
                Concurrency = request.Concurrency,
                CreatedBy = caller.Name,
                CreatorRole = caller.Role,
                Project = caller.Project,
                CreatedAt = now,
                UpdatedAt = now,
            },
            cancellationToken).ConfigureAwait(false);
        await Launcher.TryStartAsync(new FleetRun(operation.Id, settings.PollInterval), cancellationToken).ConfigureAwait(false);
        return new FleetAnswer.Accepted(operation);
    }

    public async Task<FleetAnswer> CancelAsync(string id, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        for (var round = 0; round < MaxCancelRounds; round++)
        {
            var operation = await GetAsync(id, caller, cancellationToken).ConfigureAwait(false);
            if (operation is null)
            {
                return new FleetAnswer.NotFound(id);
            }

            if (operation.IsFinished)
            {
                return new FleetAnswer.Finished(operation);
            }

            if (operation.CancelRequested)
            {
                return new FleetAnswer.Accepted(operation);
            }

            var cancelled = await Store.TryReplaceAsync(
                operation with { CancelRequested = true, CancelledBy = caller.Name, UpdatedAt = time.GetUtcNow() },
                cancellationToken).ConfigureAwait(false);
            if (cancelled is not null)
            {
                return new FleetAnswer.Accepted(cancelled);
            }
        }

        throw new StoreUnavailableException($"Fleet operation {id} kept changing under {MaxCancelRounds} compare-and-swap rounds.");
    }

    /// <summary>The operation if the caller sees it (its project, or an admin), else null.</summary>
    public async Task<FleetOperation?> GetAsync(string id, Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!FleetIds.IsValid(id))
        {
            return null;
        }

        var operation = await Store.GetAsync(id, cancellationToken).ConfigureAwait(false);
        return operation is not null && caller.Sees(operation.Project) ? operation : null;
    }

    public Task<IReadOnlyList<FleetVmResult>> ResultsAsync(FleetOperation operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return Store.ResultsAsync(operation.Id, cancellationToken);
    }

    public Task<Page<FleetOperation>> ListAsync(Caller caller, int limit, string? continuationToken, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return Store.ListAsync(caller.IsAdmin ? null : caller.Project, limit, continuationToken, cancellationToken);
    }

    private FleetAnswer.Invalid? Check(FleetRequest request)
    {
        if (request.Action == VmAction.Create)
        {
            return new("action", "create is POST /api/vms; a fleet operation acts on existing VMs.");
        }

        if (ActionParameters.Validate(request.Action, request.Parameters) is { } invalid)
        {
            return new(invalid.Field, invalid.Message);
        }

        if ((request.VmIds is null) == (request.Selector is null))
        {
            return new("target", "target must name either vmIds or a selector.");
        }

        if (request.VmIds is { } ids && (ids.Count is 0 || ids.Count > settings.MaxVms || !ids.All(VmIds.IsValid)))
        {
            return new("target.vmIds", $"target.vmIds must hold 1-{settings.MaxVms} VM ids.");
        }

        if (request.Tiers.Count > 0 && request.TierTag is not null)
        {
            return new("tiers", "Give tiers as selectors or as a tierTag, not both.");
        }

        if (request.Tiers.Count > MaxTiers)
        {
            return new("tiers", $"At most {MaxTiers} tiers.");
        }

        if (request.TierTag is { } tag && (tag.Length is 0 or > 128 || tag.Any(char.IsControl) || tag.Contains('=', StringComparison.Ordinal)))
        {
            return new("tierTag", "tierTag must be a tag key of 1-128 characters without '=' or control characters.");
        }

        if (request.TierDelay < TimeSpan.Zero || request.TierDelay > MaxWait)
        {
            return new("tierDelaySeconds", "tierDelaySeconds must be 0-3600.");
        }

        if (request.Readiness.Timeout < TimeSpan.Zero || request.Readiness.Timeout > MaxWait)
        {
            return new("readiness.timeoutSeconds", "readiness.timeoutSeconds must be 0-3600.");
        }

        if ((request.Readiness.Condition == FleetReadinessCondition.VmState) != (request.Readiness.VmState is not null))
        {
            return new("readiness.vmState", "readiness.vmState is required with the condition vmState, and only with it.");
        }

        return request.Concurrency is < 1 or > MaxConcurrency
            ? new("concurrency", $"concurrency must be 1-{MaxConcurrency}.")
            : null;
    }
}
