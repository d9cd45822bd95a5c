using System.Reflection;
using VmControl.Domain;

namespace VmControl.Http;

public sealed partial class VmControlApi
{
    // Never a real VM's id (VmIds are random); asking the engine about it proves the engine answers.
    private const string HealthProbeVmId = "vm-0000000000000000";

    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(5);

    private static readonly Lazy<string> OpenApiDocument = new(LoadOpenApi);

    /// <summary><c>POST /api/power-sync</c> (admin): one pass now, answered with its summary.</summary>
    public Task<ApiResult> RunPowerSyncAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Mutate(context, async _ =>
        {
            if (PowerSync is not { } run)
            {
                return Problems.Create(
                    StatusCodes.Status503ServiceUnavailable,
                    "power_sync_unavailable",
                    "Power sync is not available.",
                    "This host has no power-sync pass registered.");
            }

            var summary = await run.RunPassAsync(cancellationToken).ConfigureAwait(false);
            return ApiResult.Json(StatusCodes.Status200OK, summary);
        }, cancellationToken);
    }

    /// <summary><c>GET /api/lifecycle</c>: the lifecycle table and the active driver's capabilities.</summary>
    public Task<ApiResult> GetLifecycleAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var capabilities = driver.Capabilities;
        var body = new
        {
            actions = LifecycleTable.Rules.Select(r => new
            {
                action = r.Action.ToWire(),
                taskState = r.TaskState.ToWire(),
                allowedFrom = r.AllowedFrom.Select(s => s.ToWire()).Order(StringComparer.Ordinal).ToArray(),
                onSuccess = r.Success.ToWire(),
                successTarget = r.SuccessTarget?.ToWire(),
                expectedPowerAfter = r.ExpectedPowerAfter,
                onFailure = r.Failure.ToWire(),
                supported = capabilities.Supports(r.Action),
            }).ToArray(),
            resetStateTargets = Lifecycle.ResetTargets.Select(s => s.ToWire()).ToArray(),
            driver = new
            {
                name = driver.Name,
                supportedActions = capabilities.Supported.Select(a => a.ToWire()).ToArray(),
                unsupportedActions = capabilities.Unsupported.Select(u => new { action = u.Key.ToWire(), reason = u.Value }).ToArray(),
                deallocatedReadsAsNoState = capabilities.DeallocatedReadsAsNoState,
            },
        };
        return Task.FromResult(ApiResult.Json(StatusCodes.Status200OK, body));
    }

    // The health probe is anonymous; it reads as the system so that the store is asked the same question every time.
    private static readonly Caller HealthProbe = Caller.System("health");

    /// <summary><c>GET /api/health</c>: 200 when the store and the Durable engine answer, else 503; the answer is reused for <see cref="HealthCache.Duration"/>.</summary>
    public Task<ApiResult> GetHealthAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return healthCache.GetAsync(ProbeHealthAsync, cancellationToken);
    }

    private async Task<ApiResult> ProbeHealthAsync(CancellationToken cancellationToken)
    {
        var store = await Check("store", ct => queries.ListVmsAsync(new VmQuery(Limit: 1), HealthProbe, ct), cancellationToken).ConfigureAwait(false);
        var engine = await Check("engine", ct => launcher.IsRunningAsync(HealthProbeVmId, ct), cancellationToken).ConfigureAwait(false);
        var checks = new Dictionary<string, object?> { ["store"] = store ? "ok" : "failed", ["engine"] = engine ? "ok" : "failed" };
        if (store && engine)
        {
            return ApiResult.Json(StatusCodes.Status200OK, new { status = "healthy", checks });
        }

        return Problems.Create(
            StatusCodes.Status503ServiceUnavailable,
            "unhealthy",
            "The service is unhealthy.",
            "The store or the Durable engine did not answer.",
            new Dictionary<string, object?> { ["checks"] = checks });
    }

    /// <summary><c>GET /api/openapi.json</c>: the checked-in OpenAPI document.</summary>
    public Task<ApiResult> GetOpenApiAsync(HttpContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(new ApiResult(StatusCodes.Status200OK, OpenApiDocument.Value));
    }

    private async Task<bool> Check<T>(string name, Func<CancellationToken, Task<T>> probe, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(HealthCheckTimeout);
        try
        {
            await probe(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure of a dependency is "unhealthy", never a 500 of the health route itself.
            LogHealthFailed(logger, ex, name);
            return false;
        }
    }

    private static string LoadOpenApi()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("VmControl.Http.openapi.json")
            ?? throw new InvalidOperationException("The OpenAPI document is not embedded.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
