using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace VmControl.Storage;

/// <summary>
/// Wraps Azure's continuation (next partition and row key) in a signed, versioned token:
/// <c>base64url(json) "." base64url(hmac)</c>. The MAC covers the listing's scope (table and filter), so a token
/// is only good for the listing that issued it, and anything else is refused before it reaches the store.
/// </summary>
internal sealed class ContinuationTokenCodec
{
    private const int Version = 1;
    private const int MacBytes = 16;
    private const int MaxTokenLength = 4096;
    private const string DefaultKey = "VmControl.ContinuationToken.v1";

    private readonly byte[] key;

    public ContinuationTokenCodec(string? key) =>
        this.key = SHA256.HashData(Encoding.UTF8.GetBytes(string.IsNullOrEmpty(key) ? DefaultKey : key));

    public string Encode(string scope, string azureToken)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object> { ["v"] = Version, ["c"] = azureToken });
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(scope, payload));
    }

    /// <summary>Azure's continuation, or null for a first page; throws <see cref="InvalidContinuationTokenException"/> for anything this codec did not issue for <paramref name="scope"/>.</summary>
    public string? Decode(string scope, string? token)
    {
        if (token is null)
        {
            return null;
        }

        if (token.Length is 0 or > MaxTokenLength)
        {
            throw new InvalidContinuationTokenException();
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !TryDecode(token.AsSpan(0, dot), out var payload) || !TryDecode(token.AsSpan(dot + 1), out var mac)
            || !CryptographicOperations.FixedTimeEquals(mac, Mac(scope, payload)))
        {
            throw new InvalidContinuationTokenException();
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("v", out var version) && version.ValueKind == JsonValueKind.Number && version.GetInt32() == Version
                && root.TryGetProperty("c", out var continuation) && continuation.ValueKind == JsonValueKind.String
                && continuation.GetString() is { Length: > 0 } azureToken)
            {
                return azureToken;
            }
        }
        catch (JsonException ex)
        {
            throw new InvalidContinuationTokenException("The continuation token is not one this service issued.", ex);
        }

        throw new InvalidContinuationTokenException();
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = new byte[Base64Url.GetMaxDecodedLength(text.Length)];
        if (text.IsEmpty || !Base64Url.IsValid(text) || !Base64Url.TryDecodeFromChars(text, bytes, out var written))
        {
            return false;
        }

        bytes = bytes[..written];
        return true;
    }

    private byte[] Mac(string scope, byte[] payload)
    {
        byte[] message = [.. Encoding.UTF8.GetBytes(scope + "\n"), .. payload];
        return HMACSHA256.HashData(key, message).AsSpan(0, MacBytes).ToArray();
    }
}
