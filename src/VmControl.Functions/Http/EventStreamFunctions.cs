namespace VmControl.Functions.Http;

/// <summary>
/// The server-sent events stream. The ASP.NET Core integration (ConfigureFunctionsWebApplication) hands the trigger the
/// real response, so the stream is written as events come, as on the LocalHost; the stream ends at the latest when the
/// host's function timeout ends the invocation, and the client reconnects.
/// </summary>
public sealed class EventStreamFunctions(VmControlApi api)
{
    [Function("StreamEvents")]
    public Task<IActionResult> StreamEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "events/stream")] HttpRequest request,
        CancellationToken cancellationToken) =>
        Trigger.RunAsync(request, context => api.StreamEventsAsync(context, cancellationToken));
}
