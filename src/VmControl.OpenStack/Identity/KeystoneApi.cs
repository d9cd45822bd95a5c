using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// The minimal Keystone v3 a stock clouds.yaml with password auth needs: version discovery and
/// <c>POST /v3/auth/tokens</c>, whose catalog points <c>compute</c> at the facade. No admin CRUD. Password logins
/// are throttled per user and per remote address (<see cref="LoginThrottle"/>); failures are logged by user name and
/// address, never with the password or token.
/// </summary>
public sealed partial class KeystoneApi(TokenService tokens, LoginThrottle throttle, IOptions<OpenStackOptions> options, ILogger<KeystoneApi> logger)
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonObject DefaultDomain = new() { ["id"] = "default", ["name"] = "Default" };

    /// <summary><c>GET /identity</c>: 300 with the one version, as Keystone answers an unversioned URL.</summary>
    public static NovaResult Versions(HttpRequest request) =>
        NovaResult.Json(300, new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(Version(request)) } });

    /// <summary><c>GET /identity/v3</c></summary>
    public static NovaResult V3(HttpRequest request) => NovaResult.Json(200, new JsonObject { ["version"] = Version(request) });

    /// <summary><c>POST /identity/v3/auth/tokens</c>: 201 with <c>X-Subject-Token</c>, 401, or 429 after too many failed logins.</summary>
    public async Task<NovaResult> IssueAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            return Error(400, "Bad Request", "The request is too large.");
        }

        using var reader = new StreamReader(request.Body, Encoding.UTF8);
        var buffer = new char[MaxBodyBytes + 1];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken).ConfigureAwait(false);
        var body = read > MaxBodyBytes ? null : NovaJson.ParseObject(new string(buffer, 0, read));
        if (body?["auth"] is not JsonObject auth || auth["identity"] is not JsonObject identity)
        {
            return Error(400, "Bad Request", "Expecting to find auth.identity in the request body.");
        }

        var methods = (identity["methods"] as JsonArray ?? []).Select(m => m is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).ToList();
        var address = request.HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (methods.Contains("password"))
        {
            return PasswordLogin(identity, auth["scope"], address, request);
        }

        if (methods.Contains("token"))
        {
            return Renew(identity, auth["scope"], address, request);
        }

        return Error(401, "Unauthorized", "The request you have made requires authentication.");
    }

    private NovaResult PasswordLogin(JsonObject identity, JsonNode? scope, string address, HttpRequest request)
    {
        // Indexing a JSON value that is not an object throws: every level is checked to be one (the fuzz sends true, [], 5).
        var user = (identity["password"] as JsonObject)?["user"];
        var name = NovaJson.Text(user, "name") ?? NovaJson.Text(user, "id") ?? string.Empty;

        // Counted under the account's own name when the id was given, so switching between name and id gains nothing.
        // Cut short: the name is the caller's text, and it goes into a key and the log.
        var userKey = tokens.Find(name)?.User ?? (name.Length > 64 ? name[..64] : name);
        if (throttle.RetryAfter(userKey, address) is { } wait)
        {
            LogLoginThrottled(logger, userKey, address);
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            return NovaResult.Json(
                429,
                ErrorBody(429, "Too Many Requests", "Too many failed logins; retry later."),
                new Dictionary<string, string> { ["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture) });
        }

        var account = tokens.Authenticate(name, NovaJson.Text(user, "password"));
        if (account is null || !ScopeMatches(scope, account))
        {
            throttle.Failed(userKey, address);
            LogLoginFailed(logger, userKey, address);
            return Error(401, "Unauthorized", "The request you have made requires authentication.");
        }

        throttle.Succeeded(userKey);
        return Issued(tokens.Issue(account), "password", request);
    }

    /// <summary>Method <c>token</c>: a new token for the same account that ends when the old one would have.</summary>
    private NovaResult Renew(JsonObject identity, JsonNode? scope, string address, HttpRequest request)
    {
        var old = tokens.Verify(NovaJson.Text(identity["token"], "id"));
        var account = old is null ? null : tokens.Find(old.Caller.UserName);
        if (old is null || account is null || !ScopeMatches(scope, account))
        {
            LogRenewalRefused(logger, old?.Caller.UserName ?? "(invalid token)", address);
            return Error(401, "Unauthorized", "The request you have made requires authentication.");
        }

        return Issued(tokens.Issue(account, notAfter: old.ExpiresAt), "token", request);
    }

    private NovaResult Issued(IssuedToken issued, string method, HttpRequest request) =>
        NovaResult.Json(201, new JsonObject { ["token"] = TokenBody(issued, method, request) }, new Dictionary<string, string> { ["X-Subject-Token"] = issued.Text });

    /// <summary>An unscoped request gets the account's project; a project scope must name it (by name or id).</summary>
    private static bool ScopeMatches(JsonNode? scope, OpenStackAccount account)
    {
        if ((scope as JsonObject)?["project"] is not JsonObject project)
        {
            return true;
        }

        return NovaJson.Text(project, "name") == account.Project || NovaJson.Text(project, "id") == KeystoneIds.Of("project", account.Project);
    }

    private JsonObject TokenBody(IssuedToken issued, string method, HttpRequest request)
    {
        var caller = issued.Caller;
        var region = options.Value.Region;
        return new JsonObject
        {
            ["methods"] = new JsonArray(method),
            ["user"] = new JsonObject
            {
                ["id"] = caller.UserId,
                ["name"] = caller.UserName,
                ["domain"] = DefaultDomain.DeepClone(),
                ["password_expires_at"] = null,
            },
            ["audit_ids"] = new JsonArray(Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(8))),
            ["issued_at"] = NovaJson.KeystoneTime(issued.IssuedAt),
            ["expires_at"] = NovaJson.KeystoneTime(issued.ExpiresAt),
            ["project"] = new JsonObject { ["id"] = caller.ProjectId, ["name"] = caller.ProjectName, ["domain"] = DefaultDomain.DeepClone() },
            ["is_domain"] = false,
            ["roles"] = new JsonArray([.. caller.Roles.Select(r => (JsonNode)new JsonObject { ["id"] = KeystoneIds.Of("role", r), ["name"] = r })]),
            ["catalog"] = new JsonArray(
                Service("compute", "nova", PublicUrl.Compute(request), region),
                Service("identity", "keystone", PublicUrl.Identity(request), region),
                Service("image", "glance", PublicUrl.Image(request), region)),
        };
    }

    private static JsonObject Service(string type, string name, string url, string region) => new()
    {
        ["type"] = type,
        ["name"] = name,
        ["id"] = KeystoneIds.Of("service", type),
        ["endpoints"] = new JsonArray([.. new[] { "public", "internal", "admin" }.Select(i => (JsonNode)new JsonObject
        {
            ["id"] = KeystoneIds.Of("endpoint", type + ":" + i),
            ["interface"] = i,
            ["region"] = region,
            ["region_id"] = region,
            ["url"] = url,
        })]),
    };

    private static JsonObject Version(HttpRequest request) => new()
    {
        ["id"] = "v3.14",
        ["status"] = "stable",
        ["updated"] = "2020-04-07T00:00:00Z",
        ["links"] = new JsonArray(new JsonObject { ["rel"] = "self", ["href"] = PublicUrl.Identity(request) + "/v3/" }),
        ["media-types"] = new JsonArray(new JsonObject { ["base"] = "application/json", ["type"] = "application/vnd.openstack.identity-v3+json" }),
    };

    /// <summary>Keystone's error body, <c>{"error": {code, title, message}}</c>.</summary>
    public static NovaResult Error(int code, string title, string message) => NovaResult.Json(code, ErrorBody(code, title, message));

    private static JsonObject ErrorBody(int code, string title, string message) =>
        new() { ["error"] = new JsonObject { ["code"] = code, ["title"] = title, ["message"] = message } };

    [LoggerMessage(EventId = 850, Level = LogLevel.Warning, Message = "Keystone login failed for user {UserName} from {RemoteAddress}")]
    private static partial void LogLoginFailed(ILogger logger, string userName, string remoteAddress);

    [LoggerMessage(EventId = 851, Level = LogLevel.Warning, Message = "Keystone login refused with 429 for user {UserName} from {RemoteAddress}: too many failures")]
    private static partial void LogLoginThrottled(ILogger logger, string userName, string remoteAddress);

    [LoggerMessage(EventId = 852, Level = LogLevel.Warning, Message = "Keystone token renewal refused for user {UserName} from {RemoteAddress}")]
    private static partial void LogRenewalRefused(ILogger logger, string userName, string remoteAddress);
}
