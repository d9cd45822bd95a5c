using VmControl.Http.Contracts;
using VmControl.Http.Identity;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    private const int MaxAlertIdLength = 128;

    private const int MaxNoteLength = 1024;

    /// <summary><c>GET /api/alerts?status=&amp;vmId=&amp;kind=&amp;limit=&amp;continuationToken=</c></summary>
    public Task<ApiResult> ListAlertsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(async () =>
        {
            var request = context.Request;
            var (status, p1) = RequestReader.Enum<AlertStatus>(request, "status");
            var (kind, p2) = RequestReader.Enum<AlertKind>(request, "kind");

            // Not checked against VmIds: an unknown_on_hypervisor alert is keyed by the machine's external id.
            var (vmId, p3) = RequestReader.Query(request, "vmId", 1024);
            var (limit, p4) = RequestReader.Limit(request);
            var (token, p5) = RequestReader.Query(request, "continuationToken");
            if ((p1 ?? p2 ?? p3 ?? p4 ?? p5) is { } problem)
            {
                return problem;
            }

            var caller = context.Caller();

            // Another project's alerts, and alerts on machines no VM claims (no project), are for admins only.
            var project = caller.IsAdmin ? null : caller.Project;
            var page = await alerts.ListAsync(new AlertQuery(status, vmId, kind, limit, token, project), cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, new PageResource<AlertResource>([.. page.Items.Select(AlertResource.From)], page.ContinuationToken));
        });
    }

    /// <summary><c>POST /api/alerts/{alertId}/acknowledge</c> with an optional <c>{ "note" }</c>.</summary>
    public Task<ApiResult> AcknowledgeAlertAsync(HttpContext context, string alertId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async body =>
        {
            var (ack, problem) = RequestReader.Parse<AcknowledgeBody>(body, optional: true);
            if (problem is not null)
            {
                return problem;
            }

            if (ack?.Note is { } note && (note.Length > MaxNoteLength || note.Any(c => char.IsControl(c) && c is not '\n' and not '\r' and not '\t')))
            {
                return Problems.Invalid("note", $"note must be at most {MaxNoteLength} characters without control characters.");
            }

            if (string.IsNullOrEmpty(alertId) || alertId.Length > MaxAlertIdLength || alertId.Any(c => char.IsControl(c) || c is '/' or '\\' or '#' or '?'))
            {
                return Problems.NotFound($"No alert has the id '{Shorten(alertId)}'.");
            }

            var caller = context.Caller();
            var found = await alerts.GetAsync(alertId, cancellationToken).ConfigureAwait(false);
            var alert = found is not null && (caller.IsAdmin || found.Project == caller.Project)
                ? await alerts.AcknowledgeAsync(alertId, ack?.Note, caller.Name, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
                : null;
            return alert is null
                ? Problems.NotFound($"No alert has the id '{Shorten(alertId)}'.")
                : ApiResult.Json(StatusCodes.Status200OK, AlertResource.From(alert));
        }, cancellationToken);
    }
}
