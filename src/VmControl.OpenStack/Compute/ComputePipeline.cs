using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VmControl.Application.Ports;
using VmControl.OpenStack.Identity;
using Caller = VmControl.OpenStack.Identity.Caller;

namespace VmControl.OpenStack.Compute;

/// <summary>
/// What every compute response shares: the request-id and version headers, the microversion check, the token check
/// (401 without a valid one, unless the loopback-only keyless mode is on), and store outages as 503.
/// </summary>
public sealed partial class ComputePipeline(TokenService tokens, IOptions<OpenStackOptions> options, ILogger<ComputePipeline> logger)
{
    /// <param name="negotiate">False for the root versions list, which Nova keeps outside microversions (no check, no version headers).</param>
    public async Task RunAsync(HttpContext context, bool authenticate, Func<ComputeRequest, Task<NovaResult>> handle, bool negotiate = true)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(handle);
        var requestId = "req-" + Guid.NewGuid().ToString("D");
        var headers = context.Response.Headers;
        headers["x-openstack-request-id"] = requestId;
        headers["x-compute-request-id"] = requestId;
        // Nova's order: keystonemiddleware's 401 comes first (and carries no version headers), then the version check.
        var caller = authenticate ? Authenticate(context) : new Caller("anonymous", "anonymous", []);
        NovaResult? result = null;
        if (caller is null)
        {
            result = Unauthorized(context);
        }
        else
        {
            var (version, fault, echo) = negotiate ? Microversion.Negotiate(context.Request) : (Microversion.Min, null, null);
            if (echo is not null)
            {
                headers[Microversion.Header] = "compute " + echo;
                headers[Microversion.LegacyHeader] = echo;
                headers.Vary = Microversion.Header + ", " + Microversion.LegacyHeader;
            }

            var compute = new ComputeRequest(context, caller, requestId) { Version = version };
            result = fault
                ?? (authenticate ? ComputePolicy.Check(context.Request, compute.Caller, compute.Actor?.Role) : null)
                ?? await Handle(compute, handle).ConfigureAwait(false);
        }

        await result.ExecuteAsync(context).ConfigureAwait(false);
    }

    private async Task<NovaResult> Handle(ComputeRequest request, Func<ComputeRequest, Task<NovaResult>> handle)
    {
        try
        {
            return await handle(request).ConfigureAwait(false);
        }
        catch (StoreUnavailableException ex)
        {
            LogStoreUnavailable(logger, ex);
            return NovaResult.Fault(503, "The service is temporarily unavailable; retry later.");
        }
        catch (BadHttpRequestException ex)
        {
            return NovaResult.Fault(ex.StatusCode == StatusCodes.Status413PayloadTooLarge ? 413 : 400, ex.Message);
        }
    }

    private Caller? Authenticate(HttpContext context)
    {
        var token = context.Request.Headers["X-Auth-Token"].ToString();
        if (tokens.Verify(token) is { } issued)
        {
            return issued.Caller;
        }

        // keystoneauth's "none" plugin sends "notused"; anything else that fails to verify is a bad token.
        var keyless = token.Length == 0 || token == "notused";
        return keyless && options.Value.AllowNoAuth && NoAuthGate.Allows(context)
            ? new Caller(Caller.NoAuthUser, Caller.NoAuthUser, ["admin", "member", "reader"])
            : null;
    }

    /// <summary>keystonemiddleware's 401, with the identity URL clients re-authenticate against.</summary>
    private static NovaResult Unauthorized(HttpContext context) => new(
        401,
        new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = 401,
                ["title"] = "Unauthorized",
                ["message"] = "The request you have made requires authentication.",
            },
        },
        new Dictionary<string, string> { ["WWW-Authenticate"] = $"Keystone uri=\"{PublicUrl.Identity(context.Request)}\"" });

    [LoggerMessage(EventId = 800, Level = LogLevel.Warning, Message = "The store did not answer; the compute request got a 503")]
    private static partial void LogStoreUnavailable(ILogger logger, Exception exception);
}
