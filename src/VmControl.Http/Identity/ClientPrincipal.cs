using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VmControl.Http.Identity;

/// <summary>
/// The Microsoft Entra principal App Service Authentication puts in <c>X-MS-CLIENT-PRINCIPAL</c> (base64 JSON of the
/// token's claims). Registered on the Functions host only, and believed only when the platform says its authentication
/// runs (<c>WEBSITE_AUTH_ENABLED</c>): the platform then strips any such header a client sends, while anywhere else a
/// client could forge it.
/// </summary>
public sealed class ClientPrincipal(IOptions<AuthOptions> options, Func<string, string?> environment) : ICallerAuthenticator
{
    public const string Header = "X-MS-CLIENT-PRINCIPAL";
    public const string EnabledVariable = "WEBSITE_AUTH_ENABLED";
    private const int MaxHeaderLength = 32 * 1024;
    private const string RoleClaim = "http://schemas.microsoft.com/ws/2008/06/identity/claims/role";

    private static readonly string[] NameClaims =
        ["preferred_username", "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn", "name", "http://schemas.microsoft.com/identity/claims/objectidentifier"];

    public ClientPrincipal(IOptions<AuthOptions> options)
        : this(options, Environment.GetEnvironmentVariable)
    {
    }

    public Authentication Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!string.Equals(environment(EnabledVariable), "true", StringComparison.OrdinalIgnoreCase)
            || request.Headers[Header].FirstOrDefault() is not { Length: > 0 } header)
        {
            return Authentication.None;
        }

        var claims = header.Length <= MaxHeaderLength ? Parse(header) : null;
        if (claims is null)
        {
            return new Authentication.Rejected("The client principal is malformed.");
        }

        var roleType = claims.GetValueOrDefault("role_typ")?.FirstOrDefault() ?? RoleClaim;
        var role = RoleNames.FromAppRoles(claims.GetValueOrDefault(roleType, []).Concat(claims.GetValueOrDefault("roles", [])));
        var name = NameClaims.Select(c => claims.GetValueOrDefault(c)?.FirstOrDefault()).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
        if (role is null || name is null)
        {
            // Signed in, but given no VmControl app role: known to Entra, not to us.
            return new Authentication.Rejected("The signed-in principal has no VmControl app role.");
        }

        var project = claims.GetValueOrDefault(options.Value.ProjectClaim)?.FirstOrDefault();
        return new Authentication.Known(new Caller(name, role.Value, Projects.IsValid(project) ? project! : options.Value.DefaultProject));
    }

    /// <summary>The claims by type (<c>role_typ</c> kept as a pseudo-claim), or null when the header is not the platform's JSON.</summary>
    private static Dictionary<string, List<string>>? Parse(string header)
    {
        try
        {
            using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(header)));
            var claims = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
            if (json.RootElement.TryGetProperty("role_typ", out var roleType) && roleType.ValueKind == JsonValueKind.String)
            {
                claims["role_typ"] = [roleType.GetString()!];
            }

            if (!json.RootElement.TryGetProperty("claims", out var list) || list.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            foreach (var claim in list.EnumerateArray())
            {
                if (claim.ValueKind == JsonValueKind.Object
                    && claim.TryGetProperty("typ", out var type) && type.ValueKind == JsonValueKind.String
                    && claim.TryGetProperty("val", out var value) && value.ValueKind == JsonValueKind.String)
                {
                    (claims.TryGetValue(type.GetString()!, out var values) ? values : claims[type.GetString()!] = []).Add(value.GetString()!);
                }
            }

            return claims;
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
