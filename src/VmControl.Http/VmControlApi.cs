using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Events;
using VmControl.Application.Ports;
using VmControl.Application.PowerSync;
using VmControl.Application.Tasks;
using VmControl.Application.UseCases;

namespace VmControl.Http;

/// <summary>
/// The HTTP API of docs/api.md, written once: each route is one method taking the request and returning the answer,
/// called by the local host's endpoints (<see cref="EndpointRouteBuilderExtensions.MapVmControlApi"/>) and by the
/// Azure Functions triggers alike. No method throws at the caller for bad input.
/// </summary>
public sealed partial class VmControlApi(
    CreateVm createVm,
    RequestAction requestAction,
    DeleteVm deleteVm,
    ResetVmState resetVmState,
    ChangeSafeguards changeSafeguards,
    ChangeTags changeTags,
    VmQueries queries,
    IAlertStore alerts,
    Idempotency idempotency,
    ITaskLauncher launcher,
    IHypervisorDriver driver,
    TimeProvider time,
    ILogger<VmControlApi> logger,
    HealthCache healthCache,
    ISimulatorControl? simulator = null,
    IPowerSyncRunner? powerSync = null,
    EventSubscriptions? eventSubscriptions = null,
    IOptions<EventSettings>? eventSettings = null,
    Application.Fleet.FleetOperations? fleetOperations = null)
{
    // Optional: with another driver the simulator's routes answer 404 simulator_not_active, and a host without a
    // power-sync pass answers POST /api/power-sync with 503 power_sync_unavailable.
    private ISimulatorControl? Simulator => simulator;

    private IPowerSyncRunner? PowerSync => powerSync;

    // Optional too: a host without event delivery answers the subscription routes with 503 events_unavailable.
    private EventSubscriptions? Subscriptions => eventSubscriptions;

    // Optional for hosts built without a Durable engine (tools, tests of other routes): the fleet routes then answer 503.
    private Application.Fleet.FleetOperations Fleet =>
        fleetOperations ?? throw new StoreUnavailableException("Fleet operations are not available in this host.");

    private Uri EventSource => (eventSettings?.Value ?? new EventSettings()).ResolvedSource;

    /// <summary>Runs a read or a command, turning the store's and the token's known failures into problems.</summary>
    private async Task<ApiResult> Guard(Func<Task<ApiResult>> handle)
    {
        try
        {
            return await handle().ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(logger, ex);
            return Problems.StoreUnavailable();
        }
        catch (InvalidContinuationTokenException ex)
        {
            return Problems.Invalid("continuationToken", ex.Message);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return Problems.PayloadTooLarge(RequestReader.MaxBodyBytes);
        }
        catch (BadHttpRequestException ex)
        {
            // The server gave up reading the body (a client that stopped sending): the request is at fault, not us.
            return Problems.Invalid("body", ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Not a storage failure and not bad input: a bug. Answered here, not by a host's safety net, so that both
            // hosts answer problem+json (the Functions host has none); cancellation is left to the host.
            var traceId = Activity.Current?.TraceId.ToHexString();
            LogUnexpected(logger, ex, traceId);
            return Problems.InternalError(traceId);
        }
    }

    /// <summary>A POST or DELETE: the body within its cap, then <c>Idempotency-Key</c>, then the command.</summary>
    private Task<ApiResult> Mutate(HttpContext context, Func<RequestBody, Task<ApiResult>> handle, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            var (body, problem) = await RequestReader.ReadBodyAsync(context.Request, cancellationToken).ConfigureAwait(false);
            if (problem is not null)
            {
                return problem;
            }

            return await idempotency.RunAsync(context.Request, body!, () => Guard(() => handle(body!)), cancellationToken).ConfigureAwait(false);
        });

    [LoggerMessage(EventId = 400, Level = LogLevel.Warning, Message = "The store did not answer; the request got a 503")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 402, Level = LogLevel.Error, Message = "The request failed unexpectedly (trace {TraceId}); it got a 500")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string? traceId);

    [LoggerMessage(EventId = 401, Level = LogLevel.Warning, Message = "Health check {Check} failed")]
    private static partial void LogHealthFailed(ILogger logger, Exception exception, string check);
}
