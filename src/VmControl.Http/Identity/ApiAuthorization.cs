using Microsoft.Extensions.Logging;
using VmControl.Http.Routing;

namespace VmControl.Http.Identity;

/// <summary>
/// The one authorization step of the API (docs/security.md), run before every handler on both hosts: the LocalHost's
/// endpoints and the Functions triggers call it with the request's <see cref="ApiRoute"/>. Browser-origin checks,
/// then the credentials (each configured <see cref="ICallerAuthenticator"/>), then the route's role: 401 without valid
/// credentials, 403 with a role below the route's.
/// </summary>
public sealed partial class ApiAuthorization(IEnumerable<ICallerAuthenticator> authenticators, ILogger<ApiAuthorization> logger)
{
    private readonly ICallerAuthenticator[] authenticators = [.. authenticators];

    /// <summary>Null when the request may go on (its caller set on the context), else the problem to answer.</summary>
    public ApiResult? Authorize(HttpContext context, ApiRoute route)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(route);
        if (BrowserGuard.Check(context.Request) is { } refused)
        {
            return refused;
        }

        if (route.Role is not { } required)
        {
            return null;
        }

        Caller? caller = null;
        foreach (var authenticator in authenticators)
        {
            switch (authenticator.Authenticate(context.Request))
            {
                case Authentication.Rejected rejected:
                    LogRejected(logger, route.Name, context.Connection.RemoteIpAddress?.ToString(), rejected.Reason);
                    return Unauthenticated(rejected.Reason);
                case Authentication.Known known:
                    caller ??= known.Caller;
                    break;
            }
        }

        if (caller is null)
        {
            return Unauthenticated($"Send an API key in {ApiKeys.Header}, or sign in.");
        }

        if (!caller.Has(required))
        {
            return Problems.Create(
                StatusCodes.Status403Forbidden,
                "forbidden",
                "Your role does not allow this.",
                $"{route.Method} /api/{route.Template} needs the {required.ToWire()} role; {caller.Name} is {caller.Role.ToWire()}.",
                new Dictionary<string, object?> { ["requiredRole"] = required.ToWire(), ["role"] = caller.Role.ToWire() });
        }

        context.SetCaller(caller);
        return null;
    }

    private static ApiResult Unauthenticated(string detail) =>
        Problems.Create(
            StatusCodes.Status401Unauthorized,
            "unauthenticated",
            "Authentication is required.",
            detail,
            headers: new Dictionary<string, string> { ["WWW-Authenticate"] = $"ApiKey header=\"{ApiKeys.Header}\"" });

    [LoggerMessage(EventId = 410, Level = LogLevel.Warning, Message = "Refused credentials on {Route} from {RemoteAddress}: {Reason}")]
    private static partial void LogRejected(ILogger logger, string route, string? remoteAddress, string reason);
}
