using VmControl.Http.Identity;
using VmControl.Http.Contracts;

namespace VmControl.Http;

/// <summary>Calendars (admin to write: they are shared by every project's schedules) and overrides (operator).</summary>
public sealed partial class VmControlApi
{
    /// <summary><c>GET /api/calendars</c></summary>
    public Task<ApiResult> ListCalendarsAsync(HttpContext context, CancellationToken cancellationToken) =>
        WithSchedules(async (store, _) => ApiResult.Json(
            StatusCodes.Status200OK,
            new ItemsResource<CalendarResource>([.. (await store.Calendars.ListAsync(cancellationToken).ConfigureAwait(false)).Select(CalendarResource.From)])));

    /// <summary><c>PUT /api/calendars/{id}</c>: creates (201) or replaces (200) it; honours <c>If-Match</c>.</summary>
    public Task<ApiResult> PutCalendarAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, body => WithSchedules(async (store, _) =>
        {
            if (!ScheduleWire.IsId(id))
            {
                return Problems.Invalid("id", "A calendar id is 1-64 lower-case letters, digits and dashes.");
            }

            var (request, problem) = RequestReader.Parse<CalendarBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var (calendar, invalid) = request!.ToCalendar(id);
            if (invalid is not null)
            {
                return invalid;
            }

            calendar = calendar! with { UpdatedAt = time.GetUtcNow() };
            var existing = await store.Calendars.GetAsync(id, cancellationToken).ConfigureAwait(false);
            var ifMatch = RequestReader.IfMatch(context.Request);
            if (ifMatch is not null && ifMatch != existing?.ETag)
            {
                return Problems.PreconditionFailed(existing?.ETag);
            }

            var stored = existing is null
                ? await store.Calendars.AddAsync(calendar, cancellationToken).ConfigureAwait(false)
                : await store.Calendars.TryReplaceAsync(calendar with { ETag = existing.ETag }, cancellationToken).ConfigureAwait(false);
            return stored is null
                ? Problems.PreconditionFailed(null)
                : ApiResult.Json(
                    existing is null ? StatusCodes.Status201Created : StatusCodes.Status200OK,
                    CalendarResource.From(stored),
                    new Dictionary<string, string> { [ApiHeaders.ETag] = stored.ETag!, [ApiHeaders.Location] = $"/api/calendars/{id}" });
        }), cancellationToken);
    }

    /// <summary><c>DELETE /api/calendars/{id}</c>: 204; schedules naming it then have no such exceptions.</summary>
    public Task<ApiResult> DeleteCalendarAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => WithSchedules((store, _) => DeleteRecordAsync(store.Calendars, "calendar", id, context, cancellationToken)), cancellationToken);
    }

    /// <summary><c>GET /api/overrides</c>: the overrides in force now (expired ones are not listed, and not read by the tick).</summary>
    public Task<ApiResult> ListOverridesAsync(HttpContext context, CancellationToken cancellationToken) =>
        WithSchedules(async (store, _) =>
        {
            var now = time.GetUtcNow();
            var active = await store.ListActiveOverridesAsync(now, cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new ItemsResource<OverrideResource>([.. active.OrderBy(o => o.Until).Select(o => OverrideResource.From(o, now))]));
        });

    /// <summary><c>POST /api/overrides</c>: 201; from the next tick it decides the VMs' desired state until it expires.</summary>
    public Task<ApiResult> CreateOverrideAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, body => WithSchedules(async (store, _) =>
        {
            var (request, problem) = RequestReader.Parse<OverrideBody>(body);
            if (problem is not null)
            {
                return problem;
            }

            var now = time.GetUtcNow();
            var (overriding, invalid) = request!.ToOverride(ScheduleWire.NewId("ovr-"), now);
            if (invalid is not null)
            {
                return invalid;
            }

            var caller = context.Caller();
            if (overriding!.VmId is { } vmId && await queries.GetVmAsync(vmId, caller, cancellationToken).ConfigureAwait(false) is null)
            {
                return Problems.NotFound($"No VM has the id '{Shorten(vmId)}'.");
            }

            var added = await store.Overrides.AddAsync(
                overriding with { Author = caller.Name, Project = caller.IsAdmin ? overriding.Selector?.Project : caller.Project }, cancellationToken).ConfigureAwait(false);
            return added is null
                ? Problems.Create(StatusCodes.Status409Conflict, "conflict", "The id is taken.", "An override has this id; retry.")
                : ApiResult.Json(StatusCodes.Status201Created, OverrideResource.From(added, now), new Dictionary<string, string> { [ApiHeaders.Location] = $"/api/overrides/{added.Id}" });
        }), cancellationToken);
    }

    /// <summary><c>DELETE /api/overrides/{id}</c>: 204; the schedule decides again from the next tick.</summary>
    public Task<ApiResult> DeleteOverrideAsync(HttpContext context, string id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, _ => WithSchedules((store, _) => DeleteRecordAsync(store.Overrides, "override", id, context, cancellationToken)), cancellationToken);
    }
}
