using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VmControl.Events.Stream;
using VmControl.Http.Identity;
using VmControl.Http.Streaming;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    private const int MaxStreamTypes = 32;

    /// <summary>
    /// <c>GET /api/events/stream?project=&amp;types=</c> (reader): the events published from now on, as server-sent
    /// events. A caller who is not an admin sees their own project only; an admin sees every project, or the one named.
    /// </summary>
    public Task<ApiResult> StreamEventsAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Guard(() =>
        {
            var request = context.Request;
            var (project, p1) = RequestReader.Query(request, "project", Projects.MaxLength);
            var (typeList, p2) = RequestReader.Query(request, "types", 2048);
            if ((p1 ?? p2) is { } problem)
            {
                return Task.FromResult(problem);
            }

            if (project is not null && !Projects.IsValid(project))
            {
                return Task.FromResult(Problems.Invalid("project", "project must be 1-64 letters, digits, '-', '_' or '.'."));
            }

            var types = typeList?.Split(',', StringSplitOptions.TrimEntries);
            if (types is not null && (types.Length > MaxStreamTypes || types.Any(t => t.Length == 0 || t.Length > 200 || t.IndexOf('*', StringComparison.Ordinal) is >= 0 and var star && star != t.Length - 1)))
            {
                return Task.FromResult(Problems.Invalid("types", $"types must be at most {MaxStreamTypes} comma-separated event types; an entry may end in '*' to match every type it starts."));
            }

            var caller = context.Caller();
            if (!caller.IsAdmin && project is not null && project != caller.Project)
            {
                return Task.FromResult(Problems.Create(StatusCodes.Status403Forbidden, "forbidden", "Forbidden.", "Only an admin may stream another project's events."));
            }

            var filter = new EventStreamFilter(caller.IsAdmin ? project : caller.Project, types);
            var services = context.RequestServices;
            var hub = services.GetRequiredService<EventStreamHub>();
            var keepAlive = services.GetRequiredService<IOptions<EventStreamSettings>>().Value.KeepAlive;

            // A stream never ends by itself: the host's stopping ends it, or the host would wait out its shutdown timeout.
            var stopping = services.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
            return Task.FromResult(ApiResult.Stream(ServerSentEvents.MediaType, async http =>
            {
                using var ended = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
                using var client = hub.Connect(filter);
                await ServerSentEvents.WriteAsync(http, client, keepAlive, time, ended.Token).ConfigureAwait(false);
            }));
        });
    }
}
