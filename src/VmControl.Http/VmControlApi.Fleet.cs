using VmControl.Application.Fleet;
using VmControl.Domain;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    /// <summary><c>POST /api/fleet-operations</c>: 202 with the operation; its VMs are resolved and acted on by its orchestration.</summary>
    public Task<ApiResult> CreateFleetOperationAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (parsed, problem) = RequestReader.Parse<FleetOperationBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var (request, invalid) = FleetRequestOf(parsed!);
            if (invalid is not null)
            {
                return invalid;
            }

            var answer = await Fleet.StartAsync(request!, context.Caller(), cancellationToken).ConfigureAwait(false);
            return FleetAnswerOf(answer);
        }, cancellationToken);
    }

    /// <summary><c>GET /api/fleet-operations?limit=&amp;continuationToken=</c>: newest first, the caller's project (admins: all).</summary>
    public Task<ApiResult> ListFleetOperationsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var (limit, p1) = RequestReader.Limit(context.Request);
            var (token, p2) = RequestReader.Query(context.Request, "continuationToken");
            if ((p1 ?? p2) is { } problem)
            {
                return problem;
            }

            var page = await Fleet.ListAsync(context.Caller(), limit, token, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(
                StatusCodes.Status200OK,
                new PageResource<FleetOperationResource>([.. page.Items.Select(op => FleetOperationResource.From(op))], page.ContinuationToken));
        });
    }

    /// <summary><c>GET /api/fleet-operations/{id}</c>: the operation with its counts, tiers and every VM's result.</summary>
    public Task<ApiResult> GetFleetOperationAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var operation = await Fleet.GetAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false);
            if (operation is null)
            {
                return FleetNotFound(id);
            }

            var results = await Fleet.ResultsAsync(operation, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, FleetOperationResource.From(operation, results));
        });
    }

    /// <summary><c>POST /api/fleet-operations/{id}/cancel</c>: no new actions start; those in flight finish. 409 once it has ended.</summary>
    public Task<ApiResult> CancelFleetOperationAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async _ => FleetAnswerOf(await Fleet.CancelAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false)), cancellationToken);
    }

    private static ApiResult FleetAnswerOf(FleetAnswer answer) => answer switch
    {
        FleetAnswer.Accepted a => ApiResult.Json(
            StatusCodes.Status202Accepted,
            FleetOperationResource.From(a.Operation),
            new Dictionary<string, string>
            {
                [ApiHeaders.Location] = FleetLocation(a.Operation.Id),
                [ApiHeaders.OperationLocation] = FleetLocation(a.Operation.Id),
            }),
        FleetAnswer.Invalid i => Problems.Invalid(i.Field, i.Message),
        FleetAnswer.NotFound n => FleetNotFound(n.Id),
        FleetAnswer.Finished f => Problems.Create(
            StatusCodes.Status409Conflict, "fleet_operation_finished", "The operation has ended.", $"Fleet operation {f.Operation.Id} ended {f.Operation.Status.ToWire()}."),
        _ => throw new InvalidOperationException($"Unmapped fleet answer {answer.GetType().Name}."),
    };

    private static ApiResult FleetNotFound(string id) => Problems.NotFound($"No fleet operation has the id '{Shorten(id)}'.");

    private static string FleetLocation(string id) => $"/{Routing.ApiRoutes.Prefix}/fleet-operations/{id}";

    private static (FleetRequest? Request, ApiResult? Problem) FleetRequestOf(FleetOperationBody body)
    {
        var (verb, invalid) = ActionOf(new ActionBody(body.Action, body.Type));
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        Put(parameters, "size", body.Size);
        Put(parameters, "image", body.Image);
        Put(parameters, "name", body.Name);
        Selector? selector = null;
        if (body.Target?.Selector is { } wireSelector)
        {
            var (value, problem) = wireSelector.ToSelector("target.selector");
            if (problem is not null)
            {
                return (null, problem);
            }

            selector = value;
        }

        var tiers = new List<Selector>();
        foreach (var (tier, i) in (body.Tiers ?? []).Select((t, i) => (t, i)))
        {
            var (value, problem) = (tier ?? new SelectorBody()).ToSelector($"tiers[{i}]");
            if (problem is not null)
            {
                return (null, problem);
            }

            tiers.Add(value!);
        }

        var readiness = body.Readiness ?? new FleetReadinessBody();
        if (!FleetReadinessNames.TryParse(readiness.Condition, out var condition))
        {
            return (null, Problems.Invalid("readiness.condition", "readiness.condition must be actionEnded, powerRunning or vmState."));
        }

        VmState? readyState = null;
        if (readiness.VmState is not null)
        {
            if (!WireNames.TryParse<VmState>(readiness.VmState, out var state))
            {
                return (null, Problems.NotOneOf<VmState>("readiness.vmState"));
            }

            readyState = state;
        }

        return (new FleetRequest(
            verb,
            parameters,
            body.Target?.VmIds,
            selector,
            tiers,
            body.TierTag,
            TimeSpan.FromSeconds(body.TierDelaySeconds ?? 0),
            new FleetReadiness(condition, readyState, TimeSpan.FromSeconds(readiness.TimeoutSeconds ?? 600)),
            body.Concurrency ?? 50), null);
    }
}
