using System.Globalization;
using VmControl.Application.Ports;
using VmControl.Application.Schedules;
using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

/// <summary>Schedules (docs/schedules.md): CRUD, the preview, and a VM's desired state now.</summary>
public sealed partial class VmControlApi
{
    /// <summary><c>GET /api/schedules</c>: every schedule with its state now.</summary>
    public Task<ApiResult> ListSchedulesAsync(HttpContext context, CancellationToken cancellationToken) =>
        WithSchedules(async (store, queries) =>
        {
            var schedules = await store.Schedules.ListAsync(cancellationToken).ConfigureAwait(false);
            var calendars = await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow();
            return ApiResult.Json(StatusCodes.Status200OK, new ItemsResource<ScheduleResource>(
                [.. schedules.Select(s => ScheduleResource.From(s, ScheduleEvaluator.Evaluate(s, calendars, now)))]));
        });

    /// <summary><c>POST /api/schedules</c>: 201 with the schedule; an operator's schedule acts on their project's VMs only.</summary>
    public Task<ApiResult> CreateScheduleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, body => WithSchedules(async (store, queries) =>
        {
            var (schedule, problem) = await ParseScheduleAsync(store, body, ScheduleWire.NewId("sch-"), context.Caller(), cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var now = time.GetUtcNow();
            var added = await store.Schedules.AddAsync(schedule! with { CreatedAt = now, UpdatedAt = now }, cancellationToken).ConfigureAwait(false);
            return added is null
                ? Problems.Create(StatusCodes.Status409Conflict, "conflict", "The id is taken.", "A schedule has this id; retry.")
                : ApiResult.Json(
                    StatusCodes.Status201Created,
                    ScheduleResource.From(added, await queries.NowAsync(added, cancellationToken).ConfigureAwait(false)),
                    new Dictionary<string, string> { [ApiHeaders.Location] = $"/api/schedules/{added.Id}", [ApiHeaders.ETag] = added.ETag! });
        }), cancellationToken);
    }

    /// <summary><c>GET /api/schedules/{id}</c></summary>
    public Task<ApiResult> GetScheduleAsync(HttpContext context, string id, CancellationToken cancellationToken) =>
        WithSchedules(async (store, queries) =>
            await FindScheduleAsync(store, id, cancellationToken).ConfigureAwait(false) is { } found
                ? ApiResult.Json(
                    StatusCodes.Status200OK,
                    ScheduleResource.From(found, await queries.NowAsync(found, cancellationToken).ConfigureAwait(false)),
                    new Dictionary<string, string> { [ApiHeaders.ETag] = found.ETag! })
                : ScheduleNotFound("schedule", id));

    /// <summary><c>PUT /api/schedules/{id}</c>: replaces it whole; honours <c>If-Match</c>.</summary>
    public Task<ApiResult> ReplaceScheduleAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, body => WithSchedules(async (store, queries) =>
        {
            if (await FindScheduleAsync(store, id, cancellationToken).ConfigureAwait(false) is not { } existing)
            {
                return ScheduleNotFound("schedule", id);
            }

            var ifMatch = RequestReader.IfMatch(context.Request);
            if (ifMatch is not null && ifMatch != existing.ETag)
            {
                return Problems.PreconditionFailed(existing.ETag);
            }

            var (schedule, problem) = await ParseScheduleAsync(store, body, id, context.Caller(), cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            var replaced = await store.Schedules.TryReplaceAsync(
                schedule! with { CreatedBy = existing.CreatedBy, CreatedAt = existing.CreatedAt, UpdatedAt = time.GetUtcNow(), ETag = existing.ETag }, cancellationToken)
                .ConfigureAwait(false);
            return replaced is null
                ? Problems.PreconditionFailed(null)
                : ApiResult.Json(
                    StatusCodes.Status200OK,
                    ScheduleResource.From(replaced, await queries.NowAsync(replaced, cancellationToken).ConfigureAwait(false)),
                    new Dictionary<string, string> { [ApiHeaders.ETag] = replaced.ETag! });
        }), cancellationToken);
    }

    /// <summary><c>DELETE /api/schedules/{id}</c>: 204; its VMs keep the state they are in.</summary>
    public Task<ApiResult> DeleteScheduleAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => WithSchedules((store, _) => DeleteRecordAsync(store.Schedules, "schedule", id, context, cancellationToken)), cancellationToken);
    }

    /// <summary><c>GET /api/schedules/{id}/preview?from=&amp;to=</c>: every start and stop it would issue (at most 62 days; default the next 7).</summary>
    public Task<ApiResult> PreviewScheduleAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WithSchedules(async (store, queries) =>
        {
            var now = time.GetUtcNow();
            var (from, p1) = Instant(context.Request, "from", now);
            var (to, p2) = Instant(context.Request, "to", from + TimeSpan.FromDays(7));
            if ((p1 ?? p2) is { } problem)
            {
                return problem;
            }

            if (to <= from || to - from > ScheduleEvaluator.MaxPreview)
            {
                return Problems.Invalid("to", "to must be after from, and at most 62 days after it.");
            }

            if (await FindScheduleAsync(store, id, cancellationToken).ConfigureAwait(false) is not { } schedule)
            {
                return ScheduleNotFound("schedule", id);
            }

            var (start, changes) = await queries.PreviewAsync(schedule, from, to, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new PreviewResource(
                schedule.Id, from, to, ScheduleWire.Power(start.Desired),
                [.. changes.Select(c => new PreviewChange(c.At, c.Desired == DesiredPower.On ? "start" : "stop", ScheduleWire.Power(c.Desired)))]));
        });
    }

    /// <summary><c>GET /api/vms/{id}/schedule</c>: the desired state now, the next change and why.</summary>
    public Task<ApiResult> GetVmScheduleAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return WithSchedules(async (_, schedules) =>
        {
            var vm = VmIds.IsValid(id) ? await queries.GetVmAsync(id, context.Caller(), cancellationToken).ConfigureAwait(false) : null;
            return vm is null
                ? Problems.NotFound($"No VM has the id '{Shorten(id)}'.")
                : ApiResult.Json(StatusCodes.Status200OK, VmScheduleResource.From(vm.Id, await schedules.ForVmAsync(vm, cancellationToken).ConfigureAwait(false)));
        });
    }

    private async Task<(Schedule? Value, ApiResult? Problem)> ParseScheduleAsync(IScheduleStore store, RequestBody body, string id, Caller caller, CancellationToken cancellationToken)
    {
        var (request, problem) = RequestReader.Parse<ScheduleBody>(body);
        if (problem is not null)
        {
            return (null, problem);
        }

        var (schedule, invalid) = request!.ToSchedule(id);
        if (invalid is not null)
        {
            return (null, invalid);
        }

        var known = (await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        if (schedule!.CalendarIds.FirstOrDefault(c => !known.Contains(c)) is { } unknown)
        {
            return (null, Problems.Invalid("calendars", $"No calendar has the id '{unknown}'."));
        }

        return (schedule with { Project = caller.IsAdmin ? schedule.Selector?.Project : caller.Project, CreatedBy = caller.Name }, null);
    }

    private static async Task<Schedule?> FindScheduleAsync(IScheduleStore store, string id, CancellationToken cancellationToken) =>
        ScheduleWire.IsId(id) ? await store.Schedules.GetAsync(id, cancellationToken).ConfigureAwait(false) : null;

    private static async Task<ApiResult> DeleteRecordAsync<T>(IRecordSet<T> set, string what, string id, HttpContext context, CancellationToken cancellationToken)
        where T : class
    {
        if (!ScheduleWire.IsId(id))
        {
            return ScheduleNotFound(what, id);
        }

        return await set.DeleteAsync(id, RequestReader.IfMatch(context.Request), cancellationToken).ConfigureAwait(false) switch
        {
            RecordDeletion.Deleted => new ApiResult(StatusCodes.Status204NoContent, null),
            RecordDeletion.Moved => Problems.PreconditionFailed(null),
            _ => ScheduleNotFound(what, id),
        };
    }

    private Task<ApiResult> WithSchedules(Func<IScheduleStore, ScheduleQueries, Task<ApiResult>> handle) =>
        Guard(() => scheduleStore is { } store && scheduleQueries is { } schedules
            ? handle(store, schedules)
            : Task.FromResult(Problems.Create(StatusCodes.Status503ServiceUnavailable, "schedules_unavailable", "Schedules are not served here.", "This host has no schedule store.")));

    private static ApiResult ScheduleNotFound(string what, string id) => Problems.NotFound($"No {what} has the id '{Shorten(id)}'.");

    private static (DateTimeOffset Value, ApiResult? Problem) Instant(HttpRequest request, string name, DateTimeOffset fallback)
    {
        var raw = request.Query[name];
        if (raw.Count == 0)
        {
            return (fallback, null);
        }

        return raw.Count == 1 && DateTimeOffset.TryParse(raw[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? (value, null)
            : (fallback, Problems.Invalid(name, $"{name} must be an RFC 3339 instant such as 2025-03-30T00:00:00Z."));
    }
}
