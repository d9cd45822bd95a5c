using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;

namespace VmControl.OpenStack.Identity;

/// <summary>
/// Issues and checks the HMAC-SHA256 signed tokens of the minimal Keystone: <c>vmc1.</c> + payload + <c>.</c> +
/// signature (base64url). Stateless, so nothing to store: the short lifetime stands in for revocation, a token whose
/// account is no longer configured is refused, and one issued before its account's password changed is refused too
/// (the payload carries a keyed fingerprint of the password it was issued for).
/// </summary>
public sealed class TokenService
{
    private const string Prefix = "vmc1.";
    private readonly byte[] key;
    private readonly IOptionsMonitor<OpenStackOptions> options;
    private readonly TimeProvider time;

    /// <summary>The accounts are read on every call, so a password changed in a reloaded settings file applies at once.</summary>
    public TokenService(IOptionsMonitor<OpenStackOptions> options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.time = time;
        var configured = options.CurrentValue.TokenKey;
        key = string.IsNullOrEmpty(configured) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(configured);
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

    /// <summary>
    /// A new token for the account. <paramref name="notAfter"/> is a renewed token's original expiry: a renewal never
    /// extends it, or a stolen token could be kept alive for ever by exchanging it before it ran out.
    /// </summary>
    public IssuedToken Issue(OpenStackAccount account, DateTimeOffset? notAfter = null)
    {
        ArgumentNullException.ThrowIfNull(account);
        var now = time.GetUtcNow();
        var expires = now + options.CurrentValue.TokenLifetime;
        if (notAfter is { } limit && limit < expires)
        {
            expires = limit;
        }

        var caller = new Caller(account.User!, account.Project, account.Roles);
        var payload = new TokenPayload(
            caller.UserName, caller.ProjectName, caller.Roles, now.ToUnixTimeSeconds(), expires.ToUnixTimeSeconds(), Fingerprint(account));
        var body = WebEncoders.Base64UrlEncode(JsonSerializer.SerializeToUtf8Bytes(payload));
        var text = Prefix + body + "." + WebEncoders.Base64UrlEncode(Sign(body));
        return new IssuedToken(text, caller, DateTimeOffset.FromUnixTimeSeconds(payload.IssuedAt), DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt));
    }

    /// <summary>The token's caller, or null when it is malformed, forged, expired, its account is gone, or its password changed.</summary>
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
            if (account is null || account.Project != payload.Project || !SameCredential(account, payload.Credential))
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
        options.CurrentValue.Accounts.FirstOrDefault(a => a.User == user || KeystoneIds.Of("user", a.User ?? string.Empty) == user);

    private byte[] Sign(string body) => HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(body));

    /// <summary>
    /// The credential's version: a keyed hash of the account's password, cut short. Keyed so that a token's payload
    /// (readable by its holder) tells nothing about the password without the server's key.
    /// </summary>
    private string Fingerprint(OpenStackAccount account) =>
        WebEncoders.Base64UrlEncode(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes("credential\n" + account.User + "\n" + account.Password)).AsSpan(0, 12));

    private bool SameCredential(OpenStackAccount account, string? credential) =>
        credential is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Fingerprint(account)), Encoding.ASCII.GetBytes(credential));
}
