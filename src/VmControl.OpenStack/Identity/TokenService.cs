using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// Issues and checks the HMAC-SHA256 signed tokens of the minimal Keystone: <c>vmc1.</c> + payload + <c>.</c> +
/// signature (base64url). Stateless, so nothing to store; the short lifetime stands in for revocation, and a token
/// whose account is no longer configured is refused.
/// </summary>
public sealed class TokenService
{
    private const string Prefix = "vmc1.";
    private readonly byte[] key;
    private readonly OpenStackOptions options;
    private readonly TimeProvider time;

    public TokenService(IOptions<OpenStackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options.Value;
        this.time = time;
        key = string.IsNullOrEmpty(this.options.TokenKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(this.options.TokenKey);
        if (key.Length < 32)
        {
            throw new InvalidOperationException("OpenStack:TokenKey must be at least 32 bytes (base64).");
        }
    }

    /// <summary>The configured account with this user name and password, or null (compared in constant time).</summary>
    public OpenStackAccount? Authenticate(string? user, string? password)
    {
        if (user is null || password is null)
        {
            return null;
        }

        var account = Find(user);
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(account?.Password ?? string.Empty));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password));
        return CryptographicOperations.FixedTimeEquals(expected, given) && account is { Password.Length: > 0 } ? account : null;
    }

    public IssuedToken Issue(OpenStackAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        var expires = now + options.TokenLifetime;
        var caller = new Caller(account.User!, account.Project, account.Roles);
        var payload = new TokenPayload(caller.UserName, caller.ProjectName, caller.Roles, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds());
        var body = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload));
        var text = Prefix + body + "." + WebEncoders.Base64UrlEncode(Sign(body));
        return new IssuedToken(text, caller, DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
    }

    /// <summary>The token's caller, or null when it is malformed, forged, expired, or its account is gone.</summary>
    public IssuedToken? Verify(string? token)
    {
        if (token is null || !token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 4096)
        {
            return null;
        }

        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            if (!CryptographicOperations.FixedTimeEquals(Sign(parts[0]), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }

            var payload = JsonSerializer.Deserialize<TokenPayload>(WebEncoders.Base64UrlDecode(parts[0]));
            if (payload is null || time.GetUtcNow().ToUnixTimeSeconds() >= payload.ExpiresAt)
            {
                return null;
            }

            var account = Find(payload.User);
            if (account is null || account.Project != payload.Project)
            {
                return null;
            }

            return new IssuedToken(
                token,
                new Caller(payload.User, payload.Project, account.Roles),
                DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt),
                DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return null;
        }
    }

    public OpenStackAccount? Find(string user) =>
        options.Accounts.FirstOrDefault(a => a.User == user || KeystoneIds.Of("user", a.User ?? string.Empty) == user);

    private byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));
}
