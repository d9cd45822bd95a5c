using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace VmControl.Http.Identity;

/// <summary>
/// The API keys of the settings, by hash: a key is looked up by its SHA-256, so the settings (and a memory dump) hold
/// no key. Keys are random 256-bit values, so an unsalted fast hash is enough (as GitHub and Stripe store tokens).
/// </summary>
public sealed class ApiKeys : ICallerAuthenticator
{
    public const string Header = "X-Api-Key";
    private const int MaxKeyLength = 512;

    private readonly FrozenDictionary<string, Caller> byHash;

    public ApiKeys(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        byHash = options.Value.ApiKeys.ToFrozenDictionary(k => k.Hash!.ToLowerInvariant(), ToCaller, StringComparer.Ordinal);
    }

    /// <summary>How many keys are configured (the LocalHost generates one when there are none).</summary>
    public int Count => byHash.Count;

    public static string HashOf(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A new key: 32 random bytes, base64url, with a prefix that says what it is when it turns up in a log or a leak scan.</summary>
    public static string NewKey() => "vmc_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public Authentication Authenticate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return Authentication.None;
        }

        var key = values.Count == 1 ? values[0] : null;
        if (string.IsNullOrEmpty(key) || key.Length > MaxKeyLength)
        {
            return new Authentication.Rejected("The API key is malformed.");
        }

        return byHash.TryGetValue(HashOf(key), out var caller)
            ? new Authentication.Known(caller)
            : new Authentication.Rejected("The API key is not known.");
    }

    private static Caller ToCaller(ApiKeyOption key) =>
        new(key.Name!, RoleNames.Parse(key.Role)!.Value, key.Project ?? Projects.Default);
}
