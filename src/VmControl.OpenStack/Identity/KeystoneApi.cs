using System.Text;
using Microsoft.Extensions.Options;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// The minimal Keystone v3 a stock clouds.yaml with password auth needs: version discovery and
/// <c>POST /v3/auth/tokens</c>, whose catalog points <c>compute</c> at the facade. No admin CRUD.
/// </summary>
public sealed class KeystoneApi(TokenService tokens, IOptions<OpenStackOptions> options)
{
    private const int MaxBodyBytes = 16 * 1024;
    private static readonly JsonObject DefaultDomain = new() { ["id"] = "default", ["name"] = "Default" };

    /// <summary><c>GET /identity</c>: 300 with the one version, as Keystone answers an unversioned URL.</summary>
    public static NovaResult Versions(HttpRequest request) =>
        NovaResult.Json(300, new JsonObject { ["versions"] = new JsonObject { ["values"] = new JsonArray(Version(request)) } });

    /// <summary><c>GET /identity/v3</c></summary>
    public static NovaResult V3(HttpRequest request) => NovaResult.Json(200, new JsonObject { ["version"] = Version(request) });

    /// <summary><c>POST /identity/v3/auth/tokens</c>: 201 with <c>X-Subject-Token</c>, or 401.</summary>
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
        var account = methods.Contains("password")
            ? Password(identity)
            : methods.Contains("token") ? tokens.Find(tokens.Verify(NovaJson.Text(identity["token"], "id"))?.Caller.UserName ?? string.Empty) : null;
        if (account is null || !ScopeMatches(auth["scope"], account))
        {
            return Error(401, "Unauthorized", "The request you have made requires authentication.");
        }

        var issued = tokens.Issue(account);
        var method = methods.Contains("password") ? "password" : "token";
        return NovaResult.Json(201, new JsonObject { ["token"] = TokenBody(issued, method, request) }, new Dictionary<string, string> { ["X-Subject-Token"] = issued.Text });
    }

    private OpenStackAccount? Password(JsonObject identity)
    {
        var user = identity["password"]?["user"];
        return tokens.Authenticate(NovaJson.Text(user, "name") ?? NovaJson.Text(user, "id"), NovaJson.Text(user, "password"));
    }

    /// <summary>An unscoped request gets the account's project; a project scope must name it (by name or id).</summary>
    private static bool ScopeMatches(JsonNode? scope, OpenStackAccount account)
    {
        if (scope?["project"] is not JsonObject project)
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

    private static NovaResult Error(int code, string title, string message) =>
        NovaResult.Json(code, new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["title"] = title, ["message"] = message } });
}
